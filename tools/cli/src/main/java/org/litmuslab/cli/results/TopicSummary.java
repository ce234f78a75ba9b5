package org.litmuslab.cli.results;

import java.util.Map;

/**
 * Counts over a group of tests: one topic, or all of them (the totals).
 *
 * @param topic      the topic, or {@code "all"} for the totals
 * @param tests      the number of tests
 * @param statuses   tests per status (every status present, zeros included), in {@link TestStatus} order
 * @param samples    all samples
 * @param categories samples and observed outcomes per expectation category
 */
public record TopicSummary(String topic, int tests, Map<TestStatus, Integer> statuses, long samples,
                           Categories categories) {
    public TopicSummary {
        statuses = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(statuses));
    }

    /** Tests with the given status. */
    public int count(TestStatus s) {
        return statuses.getOrDefault(s, 0);
    }
}
