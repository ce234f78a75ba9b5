package org.litmuslab.cli.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.litmuslab.cli.results.Comparison.Change;
import org.litmuslab.cli.results.Comparison.Flag;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.Run;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.Comparison.Verdict;
import org.litmuslab.cli.results.render.Figures;
import org.openjdk.jcstress.annotations.Expect;

/**
 * Puts runs side by side: one {@link Summary} per run (made by {@link Summarizer}, graded against one catalog), the
 * union of their tests and outcomes, and per row the flags of issue #9 (forbidden seen, seen only in some runs, a
 * significant change of frequency ({@link Significance}), never seen anywhere).
 */
public final class Comparer {

    /** At most this many changes are spelled out in a row's flag; the JSON has them all. */
    static final int CHANGES_SHOWN = 3;

    private Comparer() {
    }

    /** Compares labelled runs, in the order given. */
    public static Comparison compare(List<String> labels, List<Summary> summaries) {
        if (labels.size() != summaries.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + summaries.size() + " runs");
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            runs.add(new Run(labels.get(i), summaries.get(i)));
        }
        TreeSet<String> names = new TreeSet<>();
        List<Map<String, TestSummary>> byName = new ArrayList<>();
        for (Summary s : summaries) {
            Map<String, TestSummary> m = new LinkedHashMap<>();
            s.tests().forEach(t -> m.put(t.name(), t));
            names.addAll(m.keySet());
            byName.add(m);
        }
        List<TestComparison> tests = new ArrayList<>();
        for (String name : names) {
            List<TestSummary> perRun = new ArrayList<>();
            byName.forEach(m -> perRun.add(m.get(name)));
            tests.add(test(name, labels, perRun));
        }
        tests.sort(Comparator.comparing((TestComparison t) -> t.worst() == null ? Flag.Kind.values().length
                : t.worst().ordinal()).thenComparing(TestComparison::name));
        return new Comparison(runs, tests);
    }

    private static TestComparison test(String name, List<String> labels, List<TestSummary> perRun) {
        // the union of outcomes, in the order of the first run that has each
        Map<String, OutcomeResult> first = new LinkedHashMap<>();
        for (TestSummary t : perRun) {
            if (t != null) {
                t.outcomes().forEach(o -> first.putIfAbsent(o.id(), o));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (OutcomeResult o : first.values()) {
            List<OutcomeResult> cells = new ArrayList<>();
            for (TestSummary t : perRun) {
                cells.add(t == null ? null : cell(t, o));
            }
            rows.add(new Row(o.id(), o.expect(), o.description(), cells, flags(labels, perRun, cells)));
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> r.flags().isEmpty() ? Flag.Kind.values().length
                : r.flags().get(0).kind().ordinal()));
        return new TestComparison(name, perRun, sorted, verdict(perRun, rows));
    }

    /** The run's row for the outcome; a zero row (with its upper bound) when that run did not see it. */
    private static OutcomeResult cell(TestSummary t, OutcomeResult like) {
        for (OutcomeResult o : t.outcomes()) {
            if (o.id().equals(like.id())) {
                return o;
            }
        }
        return OutcomeResult.of(like.id(), like.expect(), like.description(), 0, t.samples());
    }

    private static boolean ran(TestSummary t) {
        return t != null && t.samples() > 0;
    }

    private static List<Flag> flags(List<String> labels, List<TestSummary> perRun, List<OutcomeResult> cells) {
        List<Flag> flags = new ArrayList<>();
        List<String> seenIn = new ArrayList<>();
        int ran = 0;
        long allSamples = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (ran(perRun.get(i))) {
                ran++;
                allSamples += perRun.get(i).samples();
                if (cells.get(i).samples() > 0) {
                    seenIn.add(labels.get(i));
                }
            }
        }
        Expect expect = cells.stream().filter(c -> c != null).findFirst().orElseThrow().expect();
        if (expect == Expect.FORBIDDEN && !seenIn.isEmpty()) {
            flags.add(new Flag(Flag.Kind.FORBIDDEN_SEEN, seenIn, "forbidden seen in " + String.join(", ", seenIn)));
        }
        if (ran >= 2 && !seenIn.isEmpty() && seenIn.size() < ran) {
            flags.add(new Flag(Flag.Kind.SEEN_ONLY_IN, seenIn, "seen only in " + String.join(", ", seenIn)));
        }
        List<Change> changes = changes(perRun, cells);
        if (!changes.isEmpty()) {
            flags.add(changeFlag(labels, perRun, cells, changes));
        }
        if (ran >= 1 && seenIn.isEmpty() && expect != Expect.UNKNOWN) {
            flags.add(new Flag(Flag.Kind.NEVER_SEEN, List.of(), "never seen anywhere (probability < "
                    + Figures.probability(Confidence.upperBound95(allSamples), 0) + " at 95% in "
                    + Figures.count(allSamples) + " samples)"));
        }
        return flags;
    }

    /** Every pair of runs (both ran the test) between which the outcome's frequency changed, most significant first. */
    static List<Change> changes(List<TestSummary> perRun, List<OutcomeResult> cells) {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                if (ran(perRun.get(i)) && ran(perRun.get(j))) {
                    Change c = Significance.change(i, cells.get(i).samples(), perRun.get(i).samples(),
                            j, cells.get(j).samples(), perRun.get(j).samples());
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Change::pValue));
        return out;
    }

    private static Flag changeFlag(List<String> labels, List<TestSummary> perRun, List<OutcomeResult> cells,
                                   List<Change> changes) {
        List<String> parts = new ArrayList<>();
        TreeSet<Integer> involved = new TreeSet<>();
        for (Change c : changes) {
            involved.add(c.from());
            involved.add(c.to());
            if (parts.size() < CHANGES_SHOWN) {
                parts.add(labels.get(c.from()) + " " + Figures.percent(cells.get(c.from()).samples(),
                        perRun.get(c.from()).samples()) + " vs " + labels.get(c.to()) + " "
                        + Figures.percent(cells.get(c.to()).samples(), perRun.get(c.to()).samples()) + " ("
                        + pText(c.pValue()) + (c.intervalsApart() ? ", intervals apart" : "") + ")");
            }
        }
        String more = changes.size() > CHANGES_SHOWN ? " and " + (changes.size() - CHANGES_SHOWN) + " more pairs" : "";
        return new Flag(Flag.Kind.SIGNIFICANT_CHANGE, involved.stream().map(labels::get).toList(),
                "significant change: " + String.join("; ", parts) + more);
    }

    /** {@code p = 0.012}, {@code p = 3.1e-9}, {@code p < 1e-300} (below what a double holds). */
    public static String pText(double p) {
        if (p < 1e-300) {
            return "p < 1e-300";
        }
        if (p < 1e-3) {
            return "p = " + Figures.scientific(p);
        }
        return "p = " + new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }

    private static Verdict verdict(List<TestSummary> perRun, List<Row> rows) {
        String question = rows.stream().anyMatch(r -> r.expect() == Expect.ACCEPTABLE_INTERESTING) ? "interesting"
                : rows.stream().anyMatch(r -> r.expect() == Expect.FORBIDDEN) ? "forbidden" : "none";
        Expect asked = question.equals("interesting") ? Expect.ACCEPTABLE_INTERESTING : Expect.FORBIDDEN;
        List<String> outcomes = question.equals("none") ? List.of()
                : rows.stream().filter(r -> r.expect() == asked).map(Row::outcome).toList();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < perRun.size(); i++) {
            TestSummary t = perRun.get(i);
            if (t == null) {
                answers.add("not run");
            } else if (question.equals("none")) {
                answers.add(t.status().label());
            } else {
                int run = i;
                boolean seen = rows.stream().filter(r -> r.expect() == asked)
                        .anyMatch(r -> r.cells().get(run).samples() > 0);
                answers.add(seen ? "yes" : t.status() == TestStatus.ERROR ? "error"
                        : t.status() == TestStatus.NOT_RUN || t.samples() == 0 ? "not run" : "no");
            }
        }
        return new Verdict(question, outcomes, answers);
    }
}
