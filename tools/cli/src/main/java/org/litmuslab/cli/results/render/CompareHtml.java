package org.litmuslab.cli.results.render;

import static org.litmuslab.cli.results.render.HtmlRenderer.esc;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.Comparison.Flag;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.Run;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.RunEnvironment;

/**
 * One self-contained HTML page (nothing loaded from elsewhere): runs, a verdict table (test x run), then per test
 * its table with a column per run and the flags in colour. Hooks: {@code <article class="test" data-test="NAME">},
 * {@code <tr data-outcome="ID" data-flags="kind kind">}.
 */
final class CompareHtml implements CompareFormat.Renderer {

    @Override
    public void render(Comparison c, Writer w) throws IOException {
        PrintWriter o = new PrintWriter(w);
        o.println("<!DOCTYPE html>");
        o.println("<html lang=\"en\">");
        o.println("<head>");
        o.println("<meta charset=\"utf-8\">");
        o.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.println("<title>litmus compare: " + c.runs().size() + " runs</title>");
        o.println("<style>" + CSS + "</style>");
        o.println("</head>");
        o.println("<body><main>");
        o.println("<h1>litmus compare</h1>");
        o.println("<table class=\"runs\"><tr><th>Run</th><th>JDK</th><th>JVM</th><th>OS</th><th>Arch</th>"
                + "<th>CPUs</th><th>Dump</th></tr>");
        for (Run r : c.runs()) {
            for (RunEnvironment e : r.summary().environments()) {
                o.println("<tr><th>" + esc(r.label()) + "</th><td>" + esc(e.jdk()) + "</td><td>" + esc(e.vm())
                        + "</td><td>" + esc(e.os()) + "</td><td>" + esc(e.arch()) + "</td><td>"
                        + (e.cpus() > 0 ? e.cpus() : "?") + "</td><td><code>" + esc(r.dump()) + "</code></td></tr>");
            }
        }
        o.println("</table>");
        o.println("<h2>Verdicts</h2>");
        o.println("<p>Was an interesting outcome observed (for tests without one: a forbidden outcome)?</p>");
        o.print("<table class=\"verdicts\"><tr><th>Test</th><th>Asks</th>");
        c.runs().forEach(r -> o.print("<th>" + esc(r.label()) + "</th>"));
        o.println("</tr>");
        for (TestComparison t : c.tests()) {
            o.print("<tr><td><a href=\"#" + anchor(t) + "\"><code>" + esc(t.any().shortName()) + "</code></a></td><td>"
                    + esc(CompareCells.asks(t.verdict())) + "</td>");
            for (String a : t.verdict().answers()) {
                o.print("<td class=\"answer " + a.replace(' ', '-') + "\">" + esc(a) + "</td>");
            }
            o.println("</tr>");
        }
        o.println("</table>");
        o.println("<h2>Tests, flagged first</h2>");
        for (TestComparison t : c.tests()) {
            test(c, t, o);
        }
        o.println("<footer>Written by <code>litmus compare</code>. " + esc(CompareCells.FOOTNOTE) + "</footer>");
        o.println("</main></body>");
        o.println("</html>");
        o.flush();
    }

    private static void test(Comparison c, TestComparison t, PrintWriter o) {
        o.println("<article class=\"test\" id=\"" + anchor(t) + "\" data-test=\"" + esc(t.name()) + "\">");
        o.println("<h3>" + esc(CompareCells.tag(t)) + " <code>" + esc(t.name()) + "</code></h3>");
        if (t.any().description() != null) {
            o.println("<p>" + esc(t.any().description()) + "</p>");
        }
        o.println("<p class=\"samples\">" + esc(CompareCells.samples(c, t)) + ".</p>");
        o.print("<table class=\"rows\"><tr><th>RESULT</th><th>EXPECT</th>");
        c.runs().forEach(r -> o.print("<th>" + esc(r.label()) + "</th>"));
        o.println("<th>FLAGS</th></tr>");
        for (Row r : t.rows()) {
            String kinds = String.join(" ", r.flags().stream().map(f -> f.kind().id()).toList());
            o.print("<tr data-outcome=\"" + esc(r.outcome()) + "\" data-flags=\"" + kinds + "\"><td><code>"
                    + esc(r.outcome()) + "</code></td><td class=\"expect " + r.expect().name().toLowerCase() + "\">"
                    + esc(r.expect().toString()) + "</td>");
            for (int i = 0; i < c.runs().size(); i++) {
                List<String> f = CompareCells.figures(r.cells().get(i), t.perRun().get(i));
                o.print("<td class=\"num\">" + esc(f.get(0)) + "<br>" + esc(f.get(1)) + " <small>" + esc(f.get(2))
                        + "</small></td>");
            }
            o.print("<td>");
            for (Flag f : r.flags()) {
                o.print("<span class=\"flag " + f.kind().id() + "\">" + esc(f.text()) + "</span> ");
            }
            o.println("</td></tr>");
        }
        o.println("</table>");
        o.println("<p class=\"verdict\">Verdict: " + esc(CompareCells.verdictLine(c, t)) + "</p>");
        o.println("</article>");
    }

    private static String anchor(TestComparison t) {
        return "t-" + esc(t.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
            main{max-width:1300px;margin:0 auto;padding:16px 24px}
            h2{border-bottom:2px solid #ccc;padding-bottom:4px;margin-top:2em}
            table{border-collapse:collapse;margin:.6em 0}th,td{padding:3px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.num small{color:#555}table.rows td:first-child{white-space:nowrap}
            .expect.acceptable_interesting{color:#00a0c6;font-weight:600}.expect.forbidden{color:#d62828;font-weight:600}
            .answer.yes{background:#e0f4fa}.answer.error{background:#fde9d4}.answer.not-run{color:#8c8c8c}
            .flag{display:inline-block;margin:1px 0;padding:0 6px;border-radius:8px;font-size:.9em}
            .flag.forbidden-seen{background:#d62828;color:#fff}.flag.seen-only-in{background:#00a0c6;color:#fff}
            .flag.significant-change{background:#ffe08a}.flag.never-seen{background:#e6e6e6}
            article{margin:1.5em 0}footer{margin-top:3em;color:#666;font-size:.9em}
            """;
}
