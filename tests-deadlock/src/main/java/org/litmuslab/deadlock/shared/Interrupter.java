package org.litmuslab.deadlock.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The rescue of a Termination-mode trial: jcstress calls the {@code @Signal} as soon as the actor thread has started,
 * possibly before the actor has told anyone who it is. A plain "remember the thread, interrupt it later" would then
 * lose the interrupt and turn a rescuable trial into a false STALE.
 *
 * <p>Both methods take this object's monitor, so either {@link #interruptAll()} sees a thread that {@link #enlist}ed
 * earlier and interrupts it, or {@link #enlist} runs later, sees the request and interrupts the thread itself. Either
 * way every enlisted thread ends up with its interrupt status set, exactly once or twice, never zero times.
 */
public final class Interrupter {
    private final List<Thread> threads = new ArrayList<>(2);
    private boolean requested;

    /** Registers a thread to interrupt; interrupts it at once if the signal already came. */
    public synchronized void enlist(Thread t) {
        threads.add(t);
        if (requested) {
            t.interrupt();
        }
    }

    /** Registers the calling thread. */
    public void enlistMe() {
        enlist(Thread.currentThread());
    }

    /** Interrupts every enlisted thread, and every thread enlisted from now on. */
    public synchronized void interruptAll() {
        requested = true;
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
