package org.litmuslab.deadlock.shared;

/** Helper threads that a Termination-mode actor starts to build a deadlock with. */
public final class Helpers {
    private Helpers() {
    }

    /**
     * A daemon thread, not yet started. Daemon, because a helper stuck in a deadlock must never keep the fork's JVM
     * alive: jcstress ends a fork after its first STALE sample, and the stuck threads end with it.
     */
    public static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Spins until {@code condition} holds; for handshakes whose other side is known to arrive. */
    public static void awaitTrue(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.onSpinWait();
        }
    }
}
