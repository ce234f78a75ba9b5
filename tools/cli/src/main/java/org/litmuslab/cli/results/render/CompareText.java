package org.litmuslab.cli.results.render;

import static org.apache.commons.lang3.StringUtils.leftPad;
import static org.apache.commons.lang3.StringUtils.rightPad;
import static org.apache.commons.lang3.StringUtils.stripEnd;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.Run;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.RunEnvironment;

/** Plain text: runs, a verdict line per test, then per test a table with a column per run, flagged tests first. */
final class CompareText implements CompareFormat.Renderer {

    @Override
    public void render(Comparison c, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        out.println("litmus compare of " + c.runs().size() + " runs:");
        for (Run r : c.runs()) {
            out.println("  " + r.label() + ": " + r.dump());
            for (RunEnvironment e : r.summary().environments()) {
                out.println("      " + Sections.describe(e));
            }
        }
        out.println();
        out.println("VERDICTS (was an interesting outcome observed; for tests without one, a forbidden outcome):");
        for (TestComparison t : c.tests()) {
            out.println("  " + CompareCells.verdictLine(c, t));
        }
        out.println();
        out.println("TESTS (flagged first):");
        out.println();
        for (TestComparison t : c.tests()) {
            test(c, t, out);
        }
        out.println(CompareCells.FOOTNOTE);
        out.flush();
    }

    private static void test(Comparison c, TestComparison t, PrintWriter out) {
        out.println(".......... " + CompareCells.tag(t) + " " + t.name());
        out.println("  " + CompareCells.samples(c, t));
        out.println();
        int runs = c.runs().size();
        List<String[]> lines = new ArrayList<>();
        String[] head = new String[2 + runs + 1];
        head[0] = "RESULT";
        head[1] = "EXPECT";
        for (int i = 0; i < runs; i++) {
            head[2 + i] = c.runs().get(i).label();
        }
        head[2 + runs] = "FLAGS";
        lines.add(head);
        for (Row r : t.rows()) {
            String[] l = new String[head.length];
            l[0] = r.outcome();
            l[1] = r.expect().toString();
            for (int i = 0; i < runs; i++) {
                l[2 + i] = String.join("  ", CompareCells.figures(r.cells().get(i), t.perRun().get(i))).strip();
            }
            l[2 + runs] = CompareCells.flags(r);
            lines.add(l);
        }
        int[] width = new int[head.length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        for (String[] l : lines) {
            StringBuilder sb = new StringBuilder("  ");
            sb.append(leftPad(l[0], width[0])).append("  ").append(leftPad(l[1], width[1]));
            for (int i = 2; i < l.length; i++) {
                sb.append("  ").append(rightPad(l[i], width[i]));
            }
            out.println(stripEnd(sb.toString(), " "));
        }
        out.println();
        out.println("  Verdict: " + CompareCells.verdictLine(c, t));
        out.println();
    }
}
