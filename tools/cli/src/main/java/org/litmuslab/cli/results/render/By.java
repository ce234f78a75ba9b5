package org.litmuslab.cli.results.render;

/** How {@code --by} groups a summary. */
public enum By {
    /** One entry per test, in jcstress's sections (interesting, failed, error, ..., all remaining). */
    test,
    /** Tests grouped under their topic, with each topic's counts. */
    topic,
    /** As {@code test}, each test broken down by JVM configuration. */
    config
}
