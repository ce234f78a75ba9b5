package org.litmuslab.cli.results.render;

import java.util.ArrayList;
import java.util.List;

import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.Comparison.Verdict;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.TestSummary;

/** The words and figures every readable compare format prints, so text, Markdown and HTML agree. */
final class CompareCells {
    private CompareCells() {
    }

    /** A run's figures for a row: {@code 522,332  7.38%  [7.36%, 7.40%]}, or {@code -} when it lacks the test. */
    static List<String> figures(OutcomeResult o, TestSummary t) {
        if (o == null) {
            return List.of("-", "", "");
        }
        return List.of(Figures.count(o.samples()), Figures.percent(o.samples(), t.samples()), Figures.confidence(o));
    }

    static String flags(Row r) {
        List<String> out = new ArrayList<>();
        r.flags().forEach(f -> out.add(f.text()));
        return String.join("; ", out);
    }

    /** {@code Counter_01_LostUpdate.Racy (interesting 1): x86_64 JDK17 yes, x86_64 JDK25 yes}. */
    static String verdictLine(Comparison c, TestComparison t) {
        return t.any().shortName() + " (" + asks(t.verdict()) + "): " + answers(c, t.verdict());
    }

    static String asks(Verdict v) {
        return v.question().equals("none") ? "status" : v.question() + " " + String.join(" / ", v.outcomes());
    }

    static String answers(Comparison c, Verdict v) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < v.answers().size(); i++) {
            parts.add(c.runs().get(i).label() + " " + v.answers().get(i));
        }
        return String.join(", ", parts);
    }

    /** The tag of a test: its worst flag ({@code [FORBIDDEN SEEN]}, {@code [SEEN IN SOME]}, {@code [CHANGED]}), else {@code [SAME]}. */
    static String tag(TestComparison t) {
        Comparison.Flag.Kind k = t.worst();
        if (k == null || k == Comparison.Flag.Kind.NEVER_SEEN) {
            return "[SAME]";
        }
        return switch (k) {
            case FORBIDDEN_SEEN -> "[FORBIDDEN SEEN]";
            case SEEN_ONLY_IN -> "[SEEN IN SOME]";
            default -> "[CHANGED]";
        };
    }

    /** Samples per run: {@code x86_64 JDK17 7,081,506; x86_64 JDK25 6,001,000}. */
    static String samples(Comparison c, TestComparison t) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < t.perRun().size(); i++) {
            TestSummary s = t.perRun().get(i);
            parts.add(c.runs().get(i).label() + " " + (s == null ? "not in this run"
                    : Figures.count(s.samples()) + " samples, " + s.status().label()));
        }
        return String.join("; ", parts);
    }

    static final String FOOTNOTE = "Per run: samples, frequency, and its 95% Wilson interval (for an outcome not "
            + "seen, the 95% upper bound p < 1 - 0.05^(1/N)). A change is significant when the two runs' intervals "
            + "do not overlap or a two-sided test of equal proportions (chi-square; Fisher's exact test for small "
            + "counts) gives p < 0.05, each pair of runs on its own.";
}
