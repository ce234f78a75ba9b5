package org.litmuslab.cli.results;

import java.util.List;

/**
 * A test's results under one JVM configuration, its forks merged, graded on their own (as jcstress's per-test HTML
 * page does), since many outcomes show only under C2 or under stress flags.
 *
 * @param config   the configuration
 * @param forks    how many forks (results in the dumps) it merges
 * @param status   its status
 * @param reason   why, for failed, error or not-run; else null
 * @param samples  all its samples
 * @param outcomes its result table
 */
public record ConfigResult(ConfigKey config, int forks, TestStatus status, String reason, long samples,
                           List<OutcomeResult> outcomes) {
    public ConfigResult {
        outcomes = List.copyOf(outcomes);
    }
}
