package org.litmuslab.cli.results;

import java.util.List;

/**
 * One test across every configuration and dump.
 *
 * @param name        the test's name, e.g. {@code org.litmuslab.counter.Counter_01_LostUpdate.Racy}
 * @param topic       its topic: for litmus lessons the module ({@code counter}), else the last package segment
 * @param description its {@code @Description}; null when it has none or is ungraded
 * @param refs        its {@code @Ref} links
 * @param actors      its number of actors (threads it needs at once); 0 when ungraded
 * @param status      what happened
 * @param reason      why, for failed, error, not run and ungraded; else null
 * @param samples     all its samples
 * @param outcomes    its result table across all configurations: what jcstress prints under "Results across all
 *                    configurations" (observed outcomes, then graded outcomes never seen), in jcstress's order
 * @param categories  samples and observed outcomes per expectation category
 * @param configs     the same per JVM configuration, in the order they first appear in the dumps
 * @param messages    jcstress's messages for the test (e.g. an exception), at most {@value Summarizer#MAX_MESSAGES}
 */
public record TestSummary(String name, String topic, String description, List<String> refs, int actors,
                          TestStatus status, String reason, long samples, List<OutcomeResult> outcomes,
                          Categories categories, List<ConfigResult> configs, List<String> messages) {
    public TestSummary {
        refs = List.copyOf(refs);
        outcomes = List.copyOf(outcomes);
        configs = List.copyOf(configs);
        messages = List.copyOf(messages);
    }

    /** The number of JVM configurations it ran under. */
    public int configurations() {
        return configs.size();
    }

    /** The simple name after the package, e.g. {@code Counter_01_LostUpdate.Racy}. */
    public String shortName() {
        String[] parts = name.split("\\.");
        int i = 0;
        while (i < parts.length - 1 && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0))) {
            i++;
        }
        return String.join(".", java.util.Arrays.asList(parts).subList(i, parts.length));
    }
}
