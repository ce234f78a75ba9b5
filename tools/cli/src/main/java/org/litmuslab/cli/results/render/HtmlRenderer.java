package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.litmuslab.cli.results.Categories;
import org.litmuslab.cli.results.ConfigResult;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;
import org.litmuslab.cli.results.TopicSummary;
import org.openjdk.jcstress.annotations.Expect;

/**
 * One self-contained HTML page for teaching: no script, font, image or style from anywhere else (it works offline
 * and from a mail attachment). Run facts on top, then per topic a table of its tests in status colours, then per test
 * its description and {@code @Ref} links, an inline SVG bar chart of outcome frequencies (linear, or log scale with
 * the checkbox; interesting and forbidden outcomes coloured as in jcstress's report), the result table with the
 * confidence figures, and the per-configuration breakdown folded under a {@code <details>}.
 *
 * <p>Stable hooks for tests and tools: every test is an {@code <article class="test" data-test="NAME"
 * data-status="...">}, every chart an {@code <svg class="chart">} with one {@code <g class="bar"
 * data-outcome="ID">} per outcome.
 */
final class HtmlRenderer implements Renderer {

    private static final int CHART_WIDTH = 860;
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_AREA = 420;
    private static final int ROW = 22;

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        PrintWriter o = new PrintWriter(w);
        o.println("<!DOCTYPE html>");
        o.println("<html lang=\"en\">");
        o.println("<head>");
        o.println("<meta charset=\"utf-8\">");
        o.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.println("<title>litmus summary: " + s.totals().tests() + " tests</title>");
        o.println("<style>" + CSS + "</style>");
        o.println("</head>");
        o.println("<body>");
        o.println("<input type=\"checkbox\" id=\"log\" class=\"toggle\">");
        o.println("<main>");
        header(s, o);
        for (TopicSummary topic : s.topics()) {
            List<TestSummary> tests = s.tests().stream().filter(t -> t.topic().equals(topic.topic())).toList();
            topic(topic, tests, o);
        }
        o.println("<footer>Written by <code>litmus summarize</code> from jcstress 0.16 result dumps. Frequencies "
                + "are shares of a test's samples; 95&nbsp;% intervals are Wilson score intervals; for an outcome "
                + "never seen in N samples, p&nbsp;&lt;&nbsp;1&nbsp;&minus;&nbsp;0.05<sup>1/N</sup> "
                + "(&asymp;&nbsp;3/N, the rule of three).</footer>");
        o.println("</main>");
        o.println("</body>");
        o.println("</html>");
        o.flush();
    }

    private static void header(Summary s, PrintWriter o) {
        o.println("<header>");
        o.println("<h1>litmus summary</h1>");
        o.println("<table class=\"facts\">");
        o.println("<tr><th>JDK</th><th>JVM</th><th>OS</th><th>Arch</th><th>CPUs</th></tr>");
        for (RunEnvironment e : s.environments()) {
            o.println("<tr><td>" + esc(e.jdk()) + "</td><td>" + esc(e.vm()) + "</td><td>" + esc(e.os()) + "</td><td>"
                    + esc(e.arch()) + "</td><td>" + (e.cpus() > 0 ? e.cpus() : "?") + "</td></tr>");
        }
        o.println("</table>");
        if (!s.dumps().isEmpty()) {
            o.println("<p class=\"dumps\">From " + String.join(", ", s.dumps().stream()
                    .map(d -> "<code>" + esc(d) + "</code>").toList()) + ".</p>");
        }
        TopicSummary t = s.totals();
        o.print("<p class=\"totals\">" + t.tests() + " tests:");
        for (TestStatus st : TestStatus.values()) {
            if (t.count(st) > 0) {
                o.print(" <span class=\"pill " + st.id() + "\">" + t.count(st) + " " + st.label() + "</span>");
            }
        }
        o.println(" &middot; " + Figures.count(t.samples()) + " samples &middot; "
                + esc(TextRenderer.categories(t.categories())) + "</p>");
        o.println("<p class=\"controls\"><label for=\"log\">&#9744; log scale</label> "
                + "<span class=\"legend\"><i class=\"acceptable\"></i>Acceptable <i class=\"interesting\"></i>Interesting "
                + "<i class=\"forbidden\"></i>Forbidden <i class=\"unknown\"></i>Unknown</span></p>");
        o.println("</header>");
    }

    private static void topic(TopicSummary topic, List<TestSummary> tests, PrintWriter o) {
        o.println("<section class=\"topic\" id=\"topic-" + esc(topic.topic()) + "\">");
        o.println("<h2>" + esc(topic.topic()) + " <small>" + topic.tests() + " tests, "
                + esc(TextRenderer.statuses(topic)) + "</small></h2>");
        o.println("<table class=\"tests\">");
        o.println("<tr><th>Test</th><th>Status</th><th>Samples</th><th>Configs</th><th>Acceptable</th>"
                + "<th>Interesting</th><th>Forbidden</th></tr>");
        for (TestSummary t : tests) {
            Categories c = t.categories();
            o.println("<tr class=\"" + t.status().id() + "\"><td><a href=\"#" + anchor(t) + "\">" + esc(t.shortName())
                    + "</a></td><td class=\"status\">" + t.status().label() + "</td><td class=\"num\">"
                    + Figures.count(t.samples()) + "</td><td class=\"num\">" + t.configurations() + "</td>"
                    + cat(c.acceptable()) + cat(c.interesting()) + cat(c.forbidden()) + "</tr>");
        }
        o.println("</table>");
        for (TestSummary t : tests) {
            test(t, o);
        }
        o.println("</section>");
    }

    private static String cat(Categories.Count c) {
        return "<td class=\"num\">" + Figures.count(c.samples()) + " <small>(" + c.outcomes() + ")</small></td>";
    }

    private static void test(TestSummary t, PrintWriter o) {
        o.println("<article class=\"test " + t.status().id() + "\" id=\"" + anchor(t) + "\" data-test=\""
                + esc(t.name()) + "\" data-status=\"" + t.status().id() + "\">");
        o.println("<h3><span class=\"badge\">" + t.status().label() + "</span> " + esc(t.shortName())
                + " <small>" + esc(t.name()) + "</small></h3>");
        if (t.description() != null) {
            o.println("<p class=\"desc\">" + esc(t.description()) + "</p>");
        }
        if (!t.refs().isEmpty()) {
            o.println("<ul class=\"refs\">");
            for (String ref : t.refs()) {
                boolean link = ref.startsWith("https://") || ref.startsWith("http://");
                o.println("<li>" + (link ? "<a href=\"" + esc(ref) + "\">" + esc(ref) + "</a>" : esc(ref)) + "</li>");
            }
            o.println("</ul>");
        }
        o.println("<p class=\"meta\">" + Figures.count(t.samples()) + " samples in " + t.configurations()
                + (t.configurations() == 1 ? " configuration" : " configurations") + "; "
                + esc(TextRenderer.categories(t.categories())) + "</p>");
        if (t.reason() != null) {
            o.println("<p class=\"reason\">" + (t.status() == TestStatus.FAILED ? "Failed: " : "Why: ")
                    + esc(t.reason()) + "</p>");
        }
        if (!t.outcomes().isEmpty()) {
            chart(t, o);
            outcomes(t, o);
        }
        if (!t.configs().isEmpty()) {
            configs(t, o);
        }
        if (!t.messages().isEmpty()) {
            o.println("<details class=\"messages\"><summary>Messages</summary><pre>"
                    + esc(String.join("\n", t.messages())) + "</pre></details>");
        }
        o.println("</article>");
    }

    /** Horizontal bars, one per outcome; both scales drawn, CSS shows one. */
    private static void chart(TestSummary t, PrintWriter o) {
        List<OutcomeResult> rows = t.outcomes();
        int height = rows.size() * ROW + 24;
        // Log axis: from one sample (rounded down to a decade) to 100 %.
        int decades = Math.max(1, (int) Math.ceil(Math.log10(Math.max(10, t.samples()))));
        o.println("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + CHART_WIDTH + "\" height=\""
                + height + "\" viewBox=\"0 0 " + CHART_WIDTH + " " + height + "\" role=\"img\" aria-label=\"Outcome "
                + "frequencies of " + esc(t.shortName()) + "\">");
        for (int i = 0; i < rows.size(); i++) {
            OutcomeResult r = rows.get(i);
            int y = i * ROW + 4;
            double lin = r.frequency() * BAR_AREA;
            double log = r.samples() == 0 ? 0
                    : Math.max(1, (Math.log10(r.frequency()) + decades) / decades * BAR_AREA);
            String cls = expectClass(r.expect());
            o.println("<g class=\"bar " + cls + "\" data-outcome=\"" + esc(r.id()) + "\" data-samples=\""
                    + r.samples() + "\">");
            o.println("<text x=\"" + (LABEL_WIDTH - 6) + "\" y=\"" + (y + 15) + "\" text-anchor=\"end\">"
                    + esc(shorten(r.id(), 22)) + "</text>");
            o.println("<rect class=\"track\" x=\"" + LABEL_WIDTH + "\" y=\"" + (y + 3) + "\" width=\"" + BAR_AREA
                    + "\" height=\"" + (ROW - 6) + "\"/>");
            if (r.samples() > 0) {
                o.println("<rect class=\"fill lin\" x=\"" + LABEL_WIDTH + "\" y=\"" + (y + 3) + "\" width=\""
                        + px(Math.max(1, lin)) + "\" height=\"" + (ROW - 6) + "\"/>");
                o.println("<rect class=\"fill log\" x=\"" + LABEL_WIDTH + "\" y=\"" + (y + 3) + "\" width=\""
                        + px(log) + "\" height=\"" + (ROW - 6) + "\"/>");
            }
            String value = r.samples() > 0 ? Figures.percent(r.samples(), t.samples())
                    : (r.upperBound95() != null ? "never seen: p < " + Figures.probability(r.upperBound95(), 0)
                    : "never seen");
            o.println("<text class=\"value\" x=\"" + (LABEL_WIDTH + BAR_AREA + 8) + "\" y=\"" + (y + 15) + "\">"
                    + esc(value) + "</text>");
            o.println("<title>" + esc(r.id() + ": " + Figures.count(r.samples()) + " samples, " + r.expect()
                    + (r.description() == null ? "" : " - " + r.description())) + "</title>");
            o.println("</g>");
        }
        int axisY = rows.size() * ROW + 18;
        o.println("<text class=\"axis lin\" x=\"" + LABEL_WIDTH + "\" y=\"" + axisY + "\">0 %</text>");
        o.println("<text class=\"axis lin\" x=\"" + (LABEL_WIDTH + BAR_AREA) + "\" y=\"" + axisY
                + "\" text-anchor=\"end\">100 %</text>");
        o.println("<text class=\"axis log\" x=\"" + LABEL_WIDTH + "\" y=\"" + axisY + "\">10^-" + decades + "</text>");
        o.println("<text class=\"axis log\" x=\"" + (LABEL_WIDTH + BAR_AREA) + "\" y=\"" + axisY
                + "\" text-anchor=\"end\">100 % (log scale)</text>");
        o.println("</svg>");
    }

    private static void outcomes(TestSummary t, PrintWriter o) {
        o.println("<table class=\"outcomes\">");
        o.println("<tr><th>RESULT</th><th>SAMPLES</th><th>FREQ</th><th>EXPECT</th><th>DESCRIPTION</th>"
                + "<th>95&nbsp;% CONFIDENCE</th></tr>");
        for (OutcomeResult r : t.outcomes()) {
            o.println("<tr class=\"" + expectClass(r.expect()) + (r.samples() == 0 ? " zero" : "") + "\"><td><code>"
                    + esc(r.id()) + "</code></td><td class=\"num\">" + Figures.count(r.samples())
                    + "</td><td class=\"num\">" + Figures.percent(r.samples(), t.samples()) + "</td><td class=\"expect\">"
                    + r.expect() + "</td><td>" + esc(r.description() == null ? "" : r.description()) + "</td><td>"
                    + confidence(r) + "</td></tr>");
        }
        o.println("</table>");
    }

    /** The matrix of jcstress's per-test page: a row per configuration, a column per outcome. */
    private static void configs(TestSummary t, PrintWriter o) {
        Map<String, Expect> ids = new TreeMap<>();
        for (OutcomeResult r : t.outcomes()) {
            ids.put(r.id(), r.expect());
        }
        List<String> cols = new ArrayList<>(ids.keySet());
        o.println("<details class=\"configs\"><summary>Per configuration (" + t.configurations() + ")</summary>");
        o.println("<table class=\"matrix\">");
        o.print("<tr><th>JVM arguments</th><th>Compilation</th><th>Scheduling</th><th>Forks</th><th>Status</th>"
                + "<th>Samples</th>");
        for (String id : cols) {
            o.print("<th class=\"" + expectClass(ids.get(id)) + "\"><code>" + esc(shorten(id, 16)) + "</code></th>");
        }
        o.println("</tr>");
        for (ConfigResult c : t.configs()) {
            Map<String, Long> counts = new TreeMap<>();
            for (OutcomeResult r : c.outcomes()) {
                counts.put(r.id(), r.samples());
            }
            o.print("<tr class=\"" + c.status().id() + "\"><td><code>" + esc(c.config().jvmArgs().isEmpty()
                    ? "(default)" : String.join(" ", c.config().jvmArgs())) + "</code></td><td>"
                    + esc(c.config().compilation()) + "</td><td>" + esc(c.config().schedulingClass()) + "</td><td class=\"num\">"
                    + c.forks() + "</td><td class=\"status\"" + (c.reason() == null ? "" : " title=\"" + esc(c.reason())
                    + "\"") + ">" + c.status().label() + "</td><td class=\"num\">" + Figures.count(c.samples()) + "</td>");
            for (String id : cols) {
                long n = counts.getOrDefault(id, 0L);
                o.print("<td class=\"num " + (n > 0 ? expectClass(ids.get(id)) : "zero") + "\">" + Figures.count(n)
                        + "</td>");
            }
            o.println("</tr>");
        }
        o.println("</table>");
        o.println("</details>");
    }

    private static String confidence(OutcomeResult r) {
        if (r.ci95() != null) {
            return "[" + sci(Figures.probability(r.ci95().low(), r.ci95().high())) + ", "
                    + sci(Figures.probability(r.ci95().high(), r.ci95().low())) + "]";
        }
        if (r.upperBound95() != null) {
            return "p &lt; " + sci(Figures.probability(r.upperBound95(), 0));
        }
        return "";
    }

    /** {@code 7.3e-9} as 7.3&times;10<sup>&minus;9</sup>. */
    private static String sci(String s) {
        int e = s.indexOf('e');
        if (e < 0) {
            return esc(s);
        }
        String exp = s.substring(e + 1).replace("-", "&minus;");
        return s.substring(0, e) + "&times;10<sup>" + exp + "</sup>";
    }

    /** A length in the SVG's units, two decimals. */
    private static String px(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100), 2).toPlainString();
    }

    private static String expectClass(Expect e) {
        return switch (e) {
            case ACCEPTABLE -> "acceptable";
            case ACCEPTABLE_INTERESTING -> "interesting";
            case FORBIDDEN -> "forbidden";
            case UNKNOWN -> "unknown";
        };
    }

    private static String anchor(TestSummary t) {
        return "t-" + esc(t.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** Text and attribute values safe in HTML. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            :root{--acceptable:#2e9d48;--interesting:#00a0c6;--forbidden:#d62828;--unknown:#8a7fa8;--zero:#d9d9d9;
            --passed:#2e9d48;--failed:#d62828;--error:#e07b00;--not-run:#8c8c8c;--ungraded:#8a7fa8}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
            main{max-width:1150px;margin:0 auto;padding:16px 24px}
            h1{margin:.2em 0}h2{border-bottom:2px solid #ccc;padding-bottom:4px;margin-top:2em}
            h2 small,h3 small{font-weight:normal;color:#666;font-size:.7em}
            table{border-collapse:collapse;margin:.6em 0}th,td{padding:3px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .facts td,.facts th{font-size:.9em}
            .pill{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-weight:600;font-size:.9em}
            .pill.passed{background:var(--passed)}.pill.interesting{background:var(--interesting)}.pill.failed{background:var(--failed)}
            .pill.error{background:var(--error)}.pill.not-run{background:var(--not-run)}.pill.ungraded{background:var(--ungraded)}
            table.tests tr.passed td.status{color:var(--passed)}table.tests tr.interesting td.status{color:var(--interesting)}
            table.tests tr.failed td.status{color:var(--failed)}table.tests tr.error td.status{color:var(--error)}
            table.tests tr.not-run td.status{color:var(--not-run)}table.tests tr.ungraded td.status{color:var(--ungraded)}
            td.status{font-weight:600}
            article.test{background:#fff;border:1px solid #ddd;border-left:6px solid var(--passed);border-radius:4px;padding:8px 16px;margin:14px 0}
            article.interesting{border-left-color:var(--interesting)}article.failed{border-left-color:var(--failed)}
            article.error{border-left-color:var(--error)}article.not-run{border-left-color:var(--not-run)}article.ungraded{border-left-color:var(--ungraded)}
            h3{margin:.3em 0}.badge{display:inline-block;min-width:6em;text-align:center;padding:0 6px;border-radius:3px;color:#fff;font-size:.75em;vertical-align:middle;background:var(--passed)}
            .interesting .badge{background:var(--interesting)}.failed .badge{background:var(--failed)}.error .badge{background:var(--error)}
            .not-run .badge{background:var(--not-run)}.ungraded .badge{background:var(--ungraded)}
            .desc{font-style:italic;margin:.2em 0}.refs{margin:.2em 0;padding-left:1.2em;font-size:.9em}.meta{color:#555;font-size:.9em;margin:.2em 0}
            .reason{color:#a61b1b;font-weight:600}
            svg.chart{display:block;margin:.4em 0;font-size:12px}svg.chart text{fill:#333}svg.chart .track{fill:#f2f2f2}
            svg.chart .acceptable .fill{fill:var(--acceptable)}svg.chart .interesting .fill{fill:var(--interesting)}
            svg.chart .forbidden .fill{fill:var(--forbidden)}svg.chart .unknown .fill{fill:var(--unknown)}
            svg.chart .forbidden text{fill:var(--forbidden);font-weight:600}svg.chart .interesting text{fill:#007a99;font-weight:600}
            svg.chart .axis{fill:#888;font-size:11px}
            .log{display:none}#log:checked ~ main .log{display:inline}#log:checked ~ main .lin{display:none}
            .toggle{position:absolute;left:-9999px}label[for=log]{cursor:pointer;border:1px solid #bbb;border-radius:3px;padding:1px 8px;background:#fff}
            #log:checked ~ main label[for=log]{background:#dff3f8;border-color:var(--interesting)}
            .legend i{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px}
            .legend i.acceptable{background:var(--acceptable)}.legend i.interesting{background:var(--interesting)}
            .legend i.forbidden{background:var(--forbidden)}.legend i.unknown{background:var(--unknown)}
            table.outcomes td.expect{font-weight:600}table.outcomes tr.acceptable td.expect{color:var(--acceptable)}
            table.outcomes tr.interesting td.expect{color:#007a99}table.outcomes tr.forbidden td.expect{color:var(--forbidden)}
            table.outcomes tr.zero{color:#888}table.outcomes tr.forbidden:not(.zero){background:#fde8e8}
            table.outcomes tr.interesting:not(.zero){background:#e3f6fa}
            details{margin:.4em 0}summary{cursor:pointer;color:#245;font-weight:600}
            table.matrix{font-size:.85em}table.matrix td.acceptable{background:#dcf2e1}table.matrix td.interesting{background:#d5f1f8}
            table.matrix td.forbidden{background:#f9d2d2}table.matrix td.zero{color:#aaa}
            table.matrix th.interesting{color:#007a99}table.matrix th.forbidden{color:var(--forbidden)}
            pre{white-space:pre-wrap;font-size:.85em;background:#f6f6f6;padding:6px}
            footer{margin:2em 0 1em;color:#666;font-size:.85em}
            """;
}
