package org.litmuslab.cli.jcstress;

import java.util.List;

/**
 * Named sets of jcstress options for {@code litmus run --preset}. The jcstress modes map to {@code -m}; {@code teach}
 * is ours: few JVM configurations, short iterations, so the whole collection runs in minutes.
 */
public enum Preset {
    /**
     * One JVM configuration with C2 (where most reorderings and lost updates come from), no split compilation,
     * one fork and short iterations. Issue #8 tunes this by measurement.
     */
    teach(List.of("-m", "sanity", "-jvmArgs", "-XX:+UseParallelGC", "-sc", "false", "-f", "1", "-iters", "3",
            "-time", "300")),
    /** jcstress's smoke mode: one short iteration under a single JVM configuration; what mvn verify runs. */
    sanity(List.of("-m", "sanity", "-jvmArgs", "-XX:+UseParallelGC", "-sc", "false")),
    quick(List.of("-m", "quick")),
    // "default" is a Java keyword, hence the trailing underscore; the CLI accepts the plain name.
    default_(List.of("-m", "default")),
    tough(List.of("-m", "tough")),
    stress(List.of("-m", "stress"));

    private final List<String> jcstressArgs;

    Preset(List<String> jcstressArgs) {
        this.jcstressArgs = jcstressArgs;
    }

    /** The jcstress command-line options this preset stands for. */
    public List<String> jcstressArgs() {
        return jcstressArgs;
    }

    /** The name users type. */
    public String userName() {
        return name().replace("_", "");
    }

    /** Parses a user-typed preset name. */
    public static Preset of(String name) {
        for (Preset p : values()) {
            if (p.userName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'");
    }
}
