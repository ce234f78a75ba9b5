package org.litmuslab.cli.results;

import java.util.List;

/**
 * Everything litmus knows about one or more jcstress runs: what {@code summarize} prints, what {@code run} writes
 * after a run, what {@code gate} and {@code compare} check. Built by {@link Summarizer}.
 *
 * @param dumps        the dump files it was read from, in the order given
 * @param environments the distinct machines/JVMs that produced the results
 * @param tests        every test, sorted by name
 * @param topics       counts per topic, sorted by topic
 * @param totals       counts over all tests
 */
public record Summary(List<String> dumps, List<RunEnvironment> environments, List<TestSummary> tests,
                      List<TopicSummary> topics, TopicSummary totals) {

    /** The version of the JSON schema {@code --format json} writes (docs/summary-json.md). */
    public static final int SCHEMA_VERSION = 1;

    public Summary {
        dumps = List.copyOf(dumps);
        environments = List.copyOf(environments);
        tests = List.copyOf(tests);
        topics = List.copyOf(topics);
    }
}
