package org.litmuslab.visibility.shared;

/** Thread helpers for lessons whose actors start or wait for threads; jcstress actors may not throw checked exceptions. */
public final class Threads {

    private Threads() {
    }

    /**
     * {@link Thread#join()} without the checked exception: an interrupt (jcstress never sends one) keeps the
     * interrupt status and fails the sample with an unchecked exception, which jcstress reports as an error.
     */
    public static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + t.getName(), e);
        }
    }
}
