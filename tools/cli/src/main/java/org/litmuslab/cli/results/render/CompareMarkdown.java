package org.litmuslab.cli.results.render;

import static org.litmuslab.cli.results.render.MarkdownRenderer.cell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.Run;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.RunEnvironment;

/** GitHub-flavoured Markdown, e.g. for a CI job summary: runs, verdicts, then a table per test, flagged first. */
final class CompareMarkdown implements CompareFormat.Renderer {

    @Override
    public void render(Comparison c, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        out.println("# litmus compare");
        out.println();
        out.println("| Run | Machine | Dump |");
        out.println("|:----|:--------|:-----|");
        for (Run r : c.runs()) {
            List<String> machines = r.summary().environments().stream().map(Sections::describe).toList();
            out.println("| " + cell(r.label()) + " | " + cell(String.join("; ", machines)) + " | `"
                    + cell(r.dump()) + "` |");
        }
        out.println();
        out.println("## Verdicts");
        out.println();
        out.println("Was an interesting outcome observed (for tests without one: a forbidden outcome)?");
        out.println();
        for (TestComparison t : c.tests()) {
            out.println("- `" + cell(t.any().shortName()) + "` (" + cell(CompareCells.asks(t.verdict())) + "): "
                    + cell(CompareCells.answers(c, t.verdict())));
        }
        out.println();
        out.println("## Tests, flagged first");
        out.println();
        for (TestComparison t : c.tests()) {
            test(c, t, out);
        }
        out.println(CompareCells.FOOTNOTE);
        out.flush();
    }

    private static void test(Comparison c, TestComparison t, PrintWriter out) {
        out.println("### " + CompareCells.tag(t) + " `" + cell(t.name()) + "`");
        out.println();
        if (t.any().description() != null) {
            out.println(cell(t.any().description()));
            out.println();
        }
        out.println(cell(CompareCells.samples(c, t)) + ".");
        out.println();
        StringBuilder head = new StringBuilder("| RESULT | EXPECT |");
        StringBuilder rule = new StringBuilder("|-------:|-------:|");
        for (Run r : c.runs()) {
            head.append(' ').append(cell(r.label())).append(" |");
            rule.append("------:|");
        }
        out.println(head.append(" FLAGS |"));
        out.println(rule.append(":------|"));
        for (Row r : t.rows()) {
            StringBuilder sb = new StringBuilder("| " + cell(r.outcome()) + " | " + r.expect() + " |");
            for (int i = 0; i < c.runs().size(); i++) {
                List<String> f = CompareCells.figures(r.cells().get(i), t.perRun().get(i));
                sb.append(' ').append(cell(f.get(2).isEmpty() ? f.get(0) : String.join(" · ", f))).append(" |");
            }
            out.println(sb.append(' ').append(cell(CompareCells.flags(r))).append(" |"));
        }
        out.println();
        out.println("Verdict: " + cell(CompareCells.verdictLine(c, t)));
        out.println();
    }
}
