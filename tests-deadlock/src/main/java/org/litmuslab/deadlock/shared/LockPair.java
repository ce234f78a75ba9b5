package org.litmuslab.deadlock.shared;

import java.util.concurrent.locks.Lock;

/**
 * The cycle-detection step used by the Continuous-mode lessons: take the first lock, then only <em>try</em> the
 * second. A failed {@code tryLock()} is the point where a blocking {@code lock()} could have waited forever; the
 * actor backs off instead, so jcstress never hangs, and the arbiter turns the two actors' results into one outcome.
 */
public final class LockPair {
    /** Neither actor was refused its second lock. */
    public static final String BOTH_RAN = "both-ran";
    /** Only actor1 was refused its second lock. */
    public static final String ACTOR1_BLOCKED = "actor1-blocked";
    /** Only actor2 was refused its second lock. */
    public static final String ACTOR2_BLOCKED = "actor2-blocked";
    /** Both actors held one lock and were refused the other's: with blocking lock() calls, a deadlock. */
    public static final String DEADLOCK = "deadlock";

    private LockPair() {
    }

    /**
     * Takes {@code first} (blocking), tries {@code second}, runs {@code body} when it holds both, and releases in
     * reverse order. Returns whether the body ran.
     *
     * <p>The blocking {@code lock()} of the first lock is bounded as long as every actor of the test follows this
     * pattern: whoever holds a lock either is about to release it, or holds it only while it runs a {@code tryLock()},
     * which never waits.
     */
    public static boolean lockThenTry(Lock first, Lock second, Runnable body) {
        first.lock();
        try {
            if (!second.tryLock()) {
                return false;
            }
            try {
                body.run();
                return true;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    /** {@link #lockThenTry(Lock, Lock, Runnable)} with an empty critical section. */
    public static boolean lockThenTry(Lock first, Lock second) {
        return lockThenTry(first, second, () -> { });
    }

    /** The outcome of one trial from what each actor managed. */
    public static String verdict(boolean actor1Ran, boolean actor2Ran) {
        if (actor1Ran && actor2Ran) {
            return BOTH_RAN;
        }
        if (actor1Ran) {
            return ACTOR2_BLOCKED;
        }
        if (actor2Ran) {
            return ACTOR1_BLOCKED;
        }
        return DEADLOCK;
    }
}
