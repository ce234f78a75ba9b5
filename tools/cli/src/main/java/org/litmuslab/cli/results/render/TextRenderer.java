package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

import org.litmuslab.cli.results.Categories;
import org.litmuslab.cli.results.ConfigResult;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;
import org.litmuslab.cli.results.TopicSummary;
import org.openjdk.jcstress.util.StringUtils;

import static org.apache.commons.lang3.StringUtils.leftPad;
import static org.apache.commons.lang3.StringUtils.rightPad;
import static org.apache.commons.lang3.StringUtils.stripEnd;

/**
 * Plain text in jcstress's own layout: its sections, its {@code RESULT SAMPLES FREQ EXPECT DESCRIPTION} columns
 * (formatted as jcstress's console formats them) with a 95 % confidence column added, then totals.
 */
final class TextRenderer implements Renderer {

    /** jcstress cuts descriptions to this many characters. */
    static final int DESC_LEN = 60;

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        header(s, out);
        List<Sections.Section> sections = by == By.topic ? Sections.byTopic(s) : Sections.byStatus(s);
        out.println(by == By.topic ? "RESULTS BY TOPIC:" : "RESULTS:");
        for (Sections.Section sec : sections) {
            int n = sec.tests().size();
            if (by == By.topic) {
                TopicSummary ts = s.topics().stream().filter(t -> t.topic().equals(sec.title())).findFirst()
                        .orElseThrow();
                out.println("  Topic " + sec.title() + ": " + n + " tests, " + statuses(ts) + ".");
            } else {
                out.println("  " + sec.title() + ": " + (n > 0 ? n + " matching test results." : "No matches."));
            }
            out.println();
            for (TestSummary t : sec.tests()) {
                test(t, by == By.config, out);
            }
            if (n > 0) {
                out.println();
            }
        }
        totals(s, out);
        out.flush();
    }

    private static void header(Summary s, PrintWriter out) {
        out.println("litmus summary of " + s.dumps().size() + (s.dumps().size() == 1 ? " dump" : " dumps")
                + (s.dumps().isEmpty() ? "" : ": " + String.join(", ", s.dumps())));
        for (RunEnvironment e : s.environments()) {
            out.println("  " + Sections.describe(e));
        }
        out.println();
    }

    static String label(TestStatus s) {
        return "[" + s.label().toUpperCase(java.util.Locale.ROOT) + "]";
    }

    private static void test(TestSummary t, boolean byConfig, PrintWriter out) {
        out.println(leftPad(StringUtils.leftPadDash(label(t.status()), 15), 15) + " " + t.name());
        out.println();
        if (t.description() != null) {
            out.println("  " + t.description());
        }
        out.println("  Topic " + t.topic() + "; " + Figures.count(t.samples()) + " samples in " + t.configurations()
                + (t.configurations() == 1 ? " configuration" : " configurations") + "; " + categories(t.categories()));
        if (t.reason() != null) {
            out.println("  " + (t.status() == TestStatus.FAILED ? "Failed: " : "Why: ") + t.reason());
        }
        out.println();
        if (!t.outcomes().isEmpty()) {
            out.println("  Results across all configurations:");
            out.println();
            table(t.outcomes(), t.samples(), out);
        }
        if (byConfig) {
            for (ConfigResult c : t.configs()) {
                out.println("  " + label(c.status()) + " " + c.config().label());
                out.println("  " + c.forks() + (c.forks() == 1 ? " fork, " : " forks, ") + Figures.count(c.samples())
                        + " samples" + (c.reason() != null ? "; " + c.reason() : ""));
                out.println();
                table(c.outcomes(), c.samples(), out);
            }
        }
        if (!t.messages().isEmpty()) {
            out.println("  Messages:");
            for (String m : t.messages()) {
                out.println("    " + m);
            }
            out.println();
        }
    }

    /** jcstress's result table (ReportUtils.printResult), plus the confidence column. */
    static void table(List<OutcomeResult> rows, long total, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        int idLen = "RESULT".length();
        int samplesLen = "SAMPLES".length();
        int freqLen = 7;
        int expectLen = 9; // jcstress counts the catch-all's grade, FORBIDDEN unless the test says otherwise
        int descLen = "DESCRIPTION".length();
        for (OutcomeResult o : rows) {
            idLen = Math.max(idLen, o.id().length());
            samplesLen = Math.max(samplesLen, Figures.count(o.samples()).length());
            expectLen = Math.max(expectLen, o.expect().toString().length());
            descLen = Math.max(descLen, desc(o).length());
        }
        idLen += 2;
        samplesLen += 2;
        freqLen += 2;
        expectLen += 2;
        out.println(row(idLen, samplesLen, freqLen, expectLen, descLen, "RESULT", "SAMPLES", "FREQ", "EXPECT",
                "DESCRIPTION", "95% CONFIDENCE"));
        for (OutcomeResult o : rows) {
            out.println(row(idLen, samplesLen, freqLen, expectLen, descLen, cutoff(o.id(), idLen),
                    Figures.count(o.samples()), Figures.percent(o.samples(), total), o.expect().toString(), desc(o),
                    Figures.confidence(o)));
        }
        out.println();
    }

    /** jcstress's row layout (right-aligned columns, as its {@code %Ns}), our confidence column after it. */
    private static String row(int idLen, int samplesLen, int freqLen, int expectLen, int descLen, String id,
                              String samples, String freq, String expect, String desc, String confidence) {
        StringBuilder sb = new StringBuilder(idLen + samplesLen + freqLen + expectLen + descLen + 32);
        sb.append(leftPad(id, idLen)).append(leftPad(samples, samplesLen)).append(leftPad(freq, freqLen))
                .append(leftPad(expect, expectLen)).append("  ").append(rightPad(desc, descLen)).append("  ")
                .append(confidence);
        return stripEnd(sb.toString(), " ");
    }

    private static String desc(OutcomeResult o) {
        return o.description() == null ? "" : cutoff(o.description(), DESC_LEN);
    }

    /**
     * jcstress's {@code StringUtils.cutoff}, without its three regular expressions per call: NULs to spaces, runs of
     * spaces to one, newlines dropped, trimmed, cut to {@code len} with "..." when longer.
     */
    static String cutoff(String src, int len) {
        String s = src.replace('\u0000', ' ');
        while (s.contains("  ")) {
            s = s.replace("  ", " ");
        }
        String trim = s.replace("\n", "").trim();
        if (trim.length() <= len) {
            return trim;
        }
        return trim.substring(0, Math.min(len - 3, trim.length())) + "...";
    }

    static String categories(Categories c) {
        return "acceptable " + cat(c.acceptable()) + ", interesting " + cat(c.interesting()) + ", forbidden "
                + cat(c.forbidden()) + (c.unknown().samples() > 0 ? ", unknown " + cat(c.unknown()) : "");
    }

    private static String cat(Categories.Count c) {
        return Figures.count(c.samples()) + " (" + c.outcomes() + (c.outcomes() == 1 ? " outcome)" : " outcomes)");
    }

    static String statuses(TopicSummary ts) {
        StringBuilder sb = new StringBuilder();
        for (TestStatus st : TestStatus.values()) {
            int n = ts.count(st);
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(st.label());
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static void totals(Summary s, PrintWriter out) {
        out.println("TOTALS:  (samples, and in parentheses distinct outcomes observed, per grade)");
        out.println();
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"TOPIC", "TESTS", "PASSED", "INTERESTING", "FAILED", "ERROR", "NOT RUN", "UNGRADED",
                "SAMPLES", "ACCEPTABLE", "INTERESTING", "FORBIDDEN"});
        for (TopicSummary ts : s.topics()) {
            rows.add(totalsRow(ts));
        }
        rows.add(totalsRow(s.totals()));
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                sb.append(' ').append(i == 0 ? rightPad(r[i], width[i]) : leftPad(r[i], width[i]));
            }
            out.println(stripEnd(sb.toString(), " "));
        }
        out.println();
    }

    private static String[] totalsRow(TopicSummary ts) {
        Categories c = ts.categories();
        return new String[] {ts.topic(), Integer.toString(ts.tests()), Integer.toString(ts.count(TestStatus.PASSED)),
                Integer.toString(ts.count(TestStatus.INTERESTING)), Integer.toString(ts.count(TestStatus.FAILED)),
                Integer.toString(ts.count(TestStatus.ERROR)), Integer.toString(ts.count(TestStatus.NOT_RUN)),
                Integer.toString(ts.count(TestStatus.UNGRADED)), Figures.count(ts.samples()),
                Figures.count(c.acceptable().samples()) + " (" + c.acceptable().outcomes() + ")",
                Figures.count(c.interesting().samples()) + " (" + c.interesting().outcomes() + ")",
                Figures.count(c.forbidden().samples()) + " (" + c.forbidden().outcomes() + ")"};
    }
}
