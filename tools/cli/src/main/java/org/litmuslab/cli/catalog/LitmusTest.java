package org.litmuslab.cli.catalog;

import java.util.List;

/**
 * One jcstress test as its TestList entry describes it.
 *
 * @param name        the test's name as jcstress prints it, e.g. {@code org.litmuslab.counter.Counter_01_LostUpdate.Racy}
 * @param binaryName  the JVM class name, e.g. {@code ...Counter_01_LostUpdate$Racy}
 * @param description the {@code @Description}, or null when the test has none
 * @param actors      the actor method names (the arbiter is not an actor)
 * @param mode        Continuous or Termination
 * @param outcomes    the graded outcomes, in declaration order
 * @param refs        the {@code @Ref} entries
 */
public record LitmusTest(String name, String binaryName, String description, List<String> actors, TestMode mode,
                         List<OutcomeSpec> outcomes, List<String> refs) {

    public LitmusTest {
        actors = List.copyOf(actors);
        outcomes = List.copyOf(outcomes);
        refs = List.copyOf(refs);
    }

    /**
     * The topic: for our lessons the module ({@code counter}, {@code deadlock}, {@code visibility}), taken from the
     * package after {@code org.litmuslab}; for other projects the last package segment.
     */
    public String topic() {
        String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.', outerEnd())));
        if (pkg.startsWith("org.litmuslab.")) {
            String rest = pkg.substring("org.litmuslab.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }
        int dot = pkg.lastIndexOf('.');
        return dot < 0 ? pkg : pkg.substring(dot + 1);
    }

    /** The number of threads the test needs at once: its actors. */
    public int threads() {
        return actors.size();
    }

    /** Index just past the outer class name in {@link #name()} (nested variants are written Outer.Inner). */
    private int outerEnd() {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? name.length() : dollar;
    }
}
