package org.litmuslab.cli.jcstress;

import java.util.ArrayList;
import java.util.List;

/**
 * Named sets of jcstress options for {@code litmus run --preset}. The jcstress modes map to {@code -m}; {@code teach}
 * is ours: few JVM configurations, short iterations, so the whole collection runs in minutes.
 *
 * <p>A preset runs as one or more <em>passes</em>: jcstress invocations over the same tests. jcstress's
 * {@code -jvmArgs} takes a single JVM configuration, so a preset that needs two (say C2 and C1) runs jcstress twice.
 */
public enum Preset {
    /**
     * Chosen by measurement (tools/cli/bench/teach-preset.sh, README "The teach preset"): see {@link #TEACH_PASSES}.
     */
    teach(null),
    /**
     * jcstress's smoke mode under a single JVM configuration; what mvn verify runs. Sanity mode's own iteration time
     * is 0 ms, which runs no trial at all of a Termination-mode test; 20 ms makes every test run (the STALE-prone
     * lessons then cost jcstress's 30 s minimum per fork).
     */
    sanity(List.of("-m", "sanity", "-jvmArgs", "-XX:+UseParallelGC", "-sc", "false", "-time", "20")),
    quick(List.of("-m", "quick")),
    // "default" is a Java keyword, hence the trailing underscore; the CLI accepts the plain name.
    default_(List.of("-m", "default")),
    tough(List.of("-m", "tough")),
    stress(List.of("-m", "stress"));

    /** One jcstress invocation of a preset. */
    public record Pass(String name, String description, List<String> jcstressArgs) {
        public Pass {
            jcstressArgs = List.copyOf(jcstressArgs);
        }
    }

    /** What every teach pass shares: quick's strides, one fork, no split compilation, short iterations. */
    static final List<String> TEACH_COMMON = List.of("-m", "quick", "-sc", "false", "-f", "1", "-iters", "1",
            "-time", "200");

    /**
     * The teach preset's JVM configurations, one pass each. Measured (README): C2 alone showed every interesting
     * outcome that the interpreter, C1, tiered or C2 with stress flags showed in the collection, and some only it
     * showed (store buffering through VarHandle acquire/release and opaque accesses). A second configuration, if a
     * lesson ever needs one (e.g. C1 for a loop of increments that C2 folds), is a second pass here.
     */
    static final List<Pass> TEACH_PASSES = List.of(
            new Pass("c2", "C2 only (-XX:-TieredCompilation)", teach("-XX:-TieredCompilation")));

    private final List<String> jcstressArgs;

    Preset(List<String> jcstressArgs) {
        this.jcstressArgs = jcstressArgs;
    }

    private static List<String> teach(String jvmArgs) {
        List<String> args = new ArrayList<>(TEACH_COMMON);
        args.add("-jvmArgs");
        args.add(jvmArgs);
        return args;
    }

    /** The jcstress invocations this preset stands for, in order. */
    public List<Pass> passes() {
        if (this == teach) {
            return TEACH_PASSES;
        }
        return List.of(new Pass(userName(), "jcstress " + String.join(" ", jcstressArgs), jcstressArgs));
    }

    /** The jcstress command-line options of a single-pass preset; for teach, those of its first pass. */
    public List<String> jcstressArgs() {
        return passes().get(0).jcstressArgs();
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
