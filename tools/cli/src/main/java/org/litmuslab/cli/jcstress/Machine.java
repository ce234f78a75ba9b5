package org.litmuslab.cli.jcstress;

/** Facts about this machine that decide what jcstress can run here. */
public final class Machine {
    private Machine() {
    }

    /** CPUs available to this JVM; jcstress skips tests with more actors than this ("No scheduling is possible"). */
    public static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
