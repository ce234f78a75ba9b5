package org.litmuslab.cli.results;

import java.util.List;

import org.openjdk.jcstress.vm.CompileMode;

/**
 * One JVM configuration of a test, as jcstress tells configurations apart ({@code TestConfig.equals}: compilation
 * mode, scheduling class, JVM arguments, spin style, time, iterations, strides; not the fork number). Forks of the
 * same configuration merge into one.
 *
 * @param compileMode     jcstress's compile-mode code ({@link CompileMode#UNIFIED} or a per-actor split)
 * @param actorNames      the actors, in order
 * @param schedulingClass jcstress's description of where actors may run, e.g. {@code (PG 0, CG free), (PG 0, CG free)}
 * @param jvmArgs         the fork's JVM arguments
 * @param spinLoopStyle   how idle workers wait
 * @param time            milliseconds per iteration
 * @param iterations      iterations per fork
 * @param strideSize      jcstress's stride size
 * @param strideCount     jcstress's stride count
 */
public record ConfigKey(int compileMode, List<String> actorNames, String schedulingClass, List<String> jvmArgs,
                        String spinLoopStyle, int time, int iterations, int strideSize, int strideCount) {

    public ConfigKey {
        actorNames = List.copyOf(actorNames);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The compilation mode in one line: {@code unified}, or e.g. {@code split: actor1 C2, actor2 interpreter}. */
    public String compilation() {
        if (compileMode == CompileMode.UNIFIED) {
            return "unified";
        }
        StringBuilder sb = new StringBuilder("split: ");
        for (int a = 0; a < actorNames.size(); a++) {
            if (a > 0) {
                sb.append(", ");
            }
            sb.append(actorNames.get(a)).append(' ');
            if (CompileMode.isInt(compileMode, a)) {
                sb.append("interpreter");
            } else if (CompileMode.isC1(compileMode, a)) {
                sb.append("C1");
            } else {
                sb.append("C2");
            }
        }
        return sb.toString();
    }

    /** A one-line label: JVM arguments, compilation, scheduling. */
    public String label() {
        return (jvmArgs.isEmpty() ? "(default JVM flags)" : String.join(" ", jvmArgs)) + "; " + compilation()
                + "; " + schedulingClass;
    }
}
