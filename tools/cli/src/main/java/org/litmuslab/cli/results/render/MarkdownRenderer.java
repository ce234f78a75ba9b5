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

/** The text report as Markdown (GitHub-flavoured tables), e.g. for a CI job summary or a pull request comment. */
final class MarkdownRenderer implements Renderer {

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        out.println("# litmus summary");
        out.println();
        out.println("Dumps: " + (s.dumps().isEmpty() ? "none" : String.join(", ", s.dumps().stream().map(d -> "`" + d + "`").toList())));
        out.println();
        for (RunEnvironment e : s.environments()) {
            out.println("- " + cell(Sections.describe(e)));
        }
        if (!s.environments().isEmpty()) {
            out.println();
        }
        totals(s, out);
        List<Sections.Section> sections = by == By.topic ? Sections.byTopic(s) : Sections.byStatus(s);
        for (Sections.Section sec : sections) {
            if (sec.tests().isEmpty()) {
                continue;
            }
            out.println("## " + (by == By.topic ? "Topic " + sec.title() : sec.title()) + " (" + sec.tests().size() + ")");
            out.println();
            if (!sec.blurb().isEmpty()) {
                out.println(sec.blurb());
                out.println();
            }
            for (TestSummary t : sec.tests()) {
                test(t, by == By.config, out);
            }
        }
        out.flush();
    }

    private static void test(TestSummary t, boolean byConfig, PrintWriter out) {
        out.println("### " + statusWord(t.status()) + " `" + t.name() + "`");
        out.println();
        if (t.description() != null) {
            out.println(cell(t.description()));
            out.println();
        }
        for (String ref : t.refs()) {
            out.println("- <" + ref + ">");
        }
        if (!t.refs().isEmpty()) {
            out.println();
        }
        out.println("Topic " + t.topic() + "; " + Figures.count(t.samples()) + " samples in " + t.configurations()
                + " configurations; " + TextRenderer.categories(t.categories()) + ".");
        out.println();
        if (t.reason() != null) {
            out.println("**" + (t.status() == TestStatus.FAILED ? "Failed" : "Why") + ":** " + cell(t.reason()));
            out.println();
        }
        table(t.outcomes(), t.samples(), out);
        if (byConfig) {
            for (ConfigResult c : t.configs()) {
                out.println("#### " + statusWord(c.status()) + " " + cell(c.config().label()));
                out.println();
                out.println(c.forks() + (c.forks() == 1 ? " fork, " : " forks, ") + Figures.count(c.samples())
                        + " samples" + (c.reason() != null ? "; " + cell(c.reason()) : "") + ".");
                out.println();
                table(c.outcomes(), c.samples(), out);
            }
        }
        if (!t.messages().isEmpty()) {
            out.println("```");
            t.messages().forEach(m -> out.println(m.replace("```", "'''")));
            out.println("```");
            out.println();
        }
    }

    static void table(List<OutcomeResult> rows, long total, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println("| RESULT | SAMPLES | FREQ | EXPECT | DESCRIPTION | 95% CONFIDENCE |");
        out.println("|-------:|--------:|-----:|-------:|:------------|:---------------|");
        for (OutcomeResult o : rows) {
            out.println("| " + cell(o.id()) + " | " + Figures.count(o.samples()) + " | "
                    + cell(Figures.percent(o.samples(), total)) + " | " + o.expect() + " | "
                    + cell(o.description() == null ? "" : o.description()) + " | " + cell(Figures.confidence(o)) + " |");
        }
        out.println();
    }

    private static void totals(Summary s, PrintWriter out) {
        out.println("## Totals");
        out.println();
        out.println("| Topic | Tests | Passed | Interesting | Failed | Error | Not run | Ungraded | Samples "
                + "| Acceptable (outcomes) | Interesting (outcomes) | Forbidden (outcomes) |");
        out.println("|:------|------:|-------:|------------:|-------:|------:|--------:|---------:|--------:"
                + "|------:|------:|------:|");
        for (TopicSummary ts : s.topics()) {
            row(ts, false, out);
        }
        row(s.totals(), true, out);
        out.println();
    }

    private static void row(TopicSummary ts, boolean bold, PrintWriter out) {
        Categories c = ts.categories();
        String b = bold ? "**" : "";
        out.println("| " + b + cell(ts.topic()) + b + " | " + ts.tests() + " | " + ts.count(TestStatus.PASSED) + " | "
                + ts.count(TestStatus.INTERESTING) + " | " + ts.count(TestStatus.FAILED) + " | "
                + ts.count(TestStatus.ERROR) + " | " + ts.count(TestStatus.NOT_RUN) + " | "
                + ts.count(TestStatus.UNGRADED) + " | " + Figures.count(ts.samples()) + " | "
                + cat(c.acceptable()) + " | " + cat(c.interesting()) + " | " + cat(c.forbidden()) + " |");
    }

    private static String cat(Categories.Count c) {
        return Figures.count(c.samples()) + " (" + c.outcomes() + ")";
    }

    private static String statusWord(TestStatus s) {
        return "[" + s.label().toUpperCase(java.util.Locale.ROOT) + "]";
    }

    /** Text safe inside a table cell or a line: pipes escaped, HTML-ish characters neutralised, one line. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }
}
