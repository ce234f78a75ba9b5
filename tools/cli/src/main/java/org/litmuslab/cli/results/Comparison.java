package org.litmuslab.cli.results;

import java.util.List;

import org.openjdk.jcstress.annotations.Expect;

/**
 * Several runs side by side: what {@code litmus compare} prints. Built by {@link Comparer} from one {@link Summary}
 * per dump, so reading, grading and statistics are the summary's.
 *
 * @param runs  the runs, in the order given, each with a unique label
 * @param tests every test of any run, those with flagged rows first (worst flag first), then by name
 */
public record Comparison(List<Run> runs, List<TestComparison> tests) {

    /** The version of the JSON {@code litmus compare --format json} writes. */
    public static final int SCHEMA_VERSION = 1;

    public Comparison {
        runs = List.copyOf(runs);
        tests = List.copyOf(tests);
    }

    /**
     * One run: one dump, summarised on its own.
     *
     * @param label   its column heading, e.g. {@code x86_64 JDK17}
     * @param summary its summary
     */
    public record Run(String label, Summary summary) {
        /** The dump it was read from. */
        public String dump() {
            return String.join(", ", summary.dumps());
        }
    }

    /**
     * One test across the runs.
     *
     * @param name    its full name
     * @param perRun  its summary in each run, in run order; null where the run has no result for it
     * @param rows    one row per outcome any run produced or the test grades, flagged rows first
     * @param verdict where its point (the interesting outcome, else a forbidden one) was observed
     */
    public record TestComparison(String name, List<TestSummary> perRun, List<Row> rows, Verdict verdict) {
        public TestComparison {
            perRun = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(perRun));
            rows = List.copyOf(rows);
        }

        /** The first run's summary of the test that has one (its topic, description and refs are the same in all). */
        public TestSummary any() {
            return perRun.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        }

        /** The worst flag of any row, or null when no row is flagged. */
        public Flag.Kind worst() {
            return rows.stream().flatMap(r -> r.flags().stream()).map(Flag::kind).min(Enum::compareTo).orElse(null);
        }
    }

    /**
     * One outcome of one test across the runs.
     *
     * @param outcome     the outcome id as jcstress prints it
     * @param expect      its grade
     * @param description its {@code @Outcome} desc; null when ungraded
     * @param cells       its figures in each run, in run order; null where the run has no result for the test
     * @param flags       what stands out, worst first
     */
    public record Row(String outcome, Expect expect, String description, List<OutcomeResult> cells,
                      List<Flag> flags) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
            flags = List.copyOf(flags);
        }
    }

    /**
     * Something that stands out in a row.
     *
     * @param kind   what
     * @param labels the runs it concerns
     * @param text   what reports print, e.g. {@code seen only in x86_64 JDK17}
     */
    public record Flag(Kind kind, List<String> labels, String text) {
        public Flag {
            labels = List.copyOf(labels);
        }

        /** The kinds of flag, worst (sorted first) first. */
        public enum Kind {
            /** A FORBIDDEN outcome was observed in some run. */
            FORBIDDEN_SEEN("forbidden-seen"),
            /** Observed in some runs of the test but not in others. */
            SEEN_ONLY_IN("seen-only-in"),
            /** Its frequency differs between two runs beyond chance at 95 %. */
            SIGNIFICANT_CHANGE("significant-change"),
            /** A graded outcome no run observed. */
            NEVER_SEEN("never-seen");

            private final String id;

            Kind(String id) {
                this.id = id;
            }

            /** The identifier in JSON and HTML classes. */
            public String id() {
                return id;
            }
        }
    }

    /**
     * A change of one outcome's frequency between two runs.
     *
     * @param from           the index of the first run
     * @param to             the index of the second
     * @param pValue         the two-sided p-value of "same probability in both runs"
     * @param intervalsApart whether the two 95 % Wilson intervals do not overlap
     */
    public record Change(int from, int to, double pValue, boolean intervalsApart) {
    }

    /**
     * Where a test's point was observed, the "Observation" line of hardware litmus tools.
     *
     * @param question what is asked: {@code interesting} (an ACCEPTABLE_INTERESTING outcome was observed),
     *                 {@code forbidden} (a FORBIDDEN one was: the test has no interesting outcome), or {@code none}
     *                 (ungraded, or only acceptable outcomes)
     * @param outcomes the outcomes asked about
     * @param answers  per run: {@code yes}, {@code no}, {@code error}, {@code not run}, or for {@code none} the
     *                 test's status
     */
    public record Verdict(String question, List<String> outcomes, List<String> answers) {
        public Verdict {
            outcomes = List.copyOf(outcomes);
            answers = List.copyOf(answers);
        }
    }
}
