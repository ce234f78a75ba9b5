package org.litmuslab.cli.results;

import org.openjdk.jcstress.annotations.Expect;

/**
 * One row of a result table: an outcome, how it is graded and how often it was seen, with jcstress's columns
 * ({@code RESULT SAMPLES FREQ EXPECT DESCRIPTION}) plus the confidence figures.
 *
 * @param id           the outcome as the test's result object prints it (e.g. {@code 1, 0}), or, for a graded
 *                     outcome never seen, the {@code @Outcome} id pattern
 * @param expect       its grade; {@link Expect#UNKNOWN} when the test is not in the catalog
 * @param description  the {@code @Outcome} desc; null when ungraded
 * @param samples      how many samples produced it
 * @param frequency    samples / all samples of the test (or configuration); 0 when there were none
 * @param ci95         the 95 % Wilson interval of its probability when observed, else null
 * @param upperBound95 the one-sided 95 % upper bound of its probability when never observed (and there were
 *                     samples), else null
 */
public record OutcomeResult(String id, Expect expect, String description, long samples, double frequency,
                            Confidence.Interval ci95, Double upperBound95) {

    /** A row with its statistics computed against {@code total} samples. */
    static OutcomeResult of(String id, Expect expect, String description, long samples, long total) {
        if (total <= 0) {
            return new OutcomeResult(id, expect, description, samples, 0, null, null);
        }
        double freq = samples / (double) total;
        return samples > 0
                ? new OutcomeResult(id, expect, description, samples, freq, Confidence.wilson95(samples, total), null)
                : new OutcomeResult(id, expect, description, 0, 0, null, Confidence.upperBound95(total));
    }
}
