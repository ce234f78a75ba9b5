package org.litmuslab.deadlock;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Deadlock_04_TryLockBackoff {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_04_TryLockBackoff
     */

    /* ----------------------------------------------------------------------------------------
        Deadlock_01.Inverted again -- actor1 wants A then B, actor2 wants B then A -- but now
        each actor must get its work done, not just report that it could not. The recipe when
        a global lock order is not available (Java Concurrency in Practice, 13.1.2): take the
        first lock, wait for the second only for a bounded time with tryLock(timeout); if that
        fails, release everything, back off for a random, growing pause, and start again.

        Why it cannot deadlock: no thread ever waits without bound while it holds a lock.
        tryLock(time, unit) returns false once "the specified waiting time elapses" (Lock
        javadoc), and the loser then gives up its first lock, which lets the other actor
        through. Why it makes progress: after a collision both actors release, and the random
        pause makes it likely that one retries while the other is still pausing; the pause
        range doubles with each failed round, so repeated collisions get ever less likely.
        Without the random pause both could retry in lock step forever -- a livelock, which is
        not a deadlock but just as stuck.

        Outcomes: "both-ran" -- both did their work at the first try; "backed-off" -- at least
        one timed tryLock failed and both still got their work done. A failure means the other
        actor held the lock for the whole 50 us: nearly always because the deadlock window of
        Deadlock_01 opened (each held its first lock), occasionally because the other actor
        was descheduled while it held the lock. ACCEPTABLE_INTERESTING: this is the case the
        recipe exists for. "gave-up" -- an actor failed MAX_ROUNDS (1000) rounds in a row.
        It is graded FORBIDDEN as the claim of this design, not of the JMM: no specification
        promises that randomised back-off terminates (a livelock is legal Java), but with a
        random pause whose range doubles each round, 1000 collisions in a row mean the back-off
        is broken, not unlucky.

        The timeout is short (50 us) because every collision costs one timeout; long enough
        that an actor holding the lock only briefly (not in a cycle) does not force a retry.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        TimedBackoff:
              RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
          backed-off      6,761    0.09%  Interesting  A timed tryLock failed; after back-off both ran.
            both-ran  7,385,312   99.91%   Acceptable  Both got both locks at the first try.
             gave-up          0    0.00%    Forbidden  An actor failed 1000 rounds in a row: back-off is broken.

        Every trial finished. "backed-off" is rarer here than "deadlock" in Deadlock_01: a
        collision now costs 50 us plus a random pause, which pulls the two actors apart for
        the trials that follow. (A teach-preset run, with far fewer and shorter trials, showed
        it in 12.75%.)
     */

    /** Rounds after which an actor gives up (reported as "gave-up"). */
    static final int MAX_ROUNDS = 1000;
    /** How long to wait for the second lock before backing off. */
    static final long TIMEOUT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    /**
     * Takes {@code first}, waits at most TIMEOUT for {@code second}, backs off and retries on failure. Returns the
     * number of rounds it took, or 0 when it gave up.
     */
    static int lockBothWithBackoff(Lock first, Lock second) {
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            // Bounded: the other actor holds this lock either while it runs a timed tryLock, or while it works.
            first.lock();
            try {
                if (second.tryLock(TIMEOUT_NANOS, TimeUnit.NANOSECONDS)) {
                    second.unlock(); // the work would go here
                    return round;
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("jcstress does not interrupt its actors", e);
            } finally {
                first.unlock();
            }
            backOff(round);
        }
        return 0;
    }

    /** Spins for a random time whose range doubles with each round, up to about a millisecond. */
    static void backOff(int round) {
        int spins = ThreadLocalRandom.current().nextInt(1 << Math.min(round + 4, 14));
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }

    @JCStressTest
    @Description("Opposite lock order, timed tryLock and random back-off: both make progress.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/Lock.html#tryLock(long,java.util.concurrent.TimeUnit)")
    @Outcome(id = "both-ran",   expect = ACCEPTABLE,             desc = "Both got both locks at the first try.")
    @Outcome(id = "backed-off", expect = ACCEPTABLE_INTERESTING, desc = "A timed tryLock failed; after back-off both ran.")
    @Outcome(id = "gave-up",    expect = FORBIDDEN,              desc = "An actor failed 1000 rounds in a row: back-off is broken.")
    @ObservedOn("x86_64")
    @State
    public static class TimedBackoff {
        final ReentrantLock a = new ReentrantLock();
        final ReentrantLock b = new ReentrantLock();
        int rounds1;
        int rounds2;

        @Actor
        public void actor1() {
            rounds1 = lockBothWithBackoff(a, b);
        }

        @Actor
        public void actor2() {
            rounds2 = lockBothWithBackoff(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            if (rounds1 == 0 || rounds2 == 0) {
                r.r1 = "gave-up";
            } else if (rounds1 == 1 && rounds2 == 1) {
                r.r1 = "both-ran";
            } else {
                r.r1 = "backed-off";
            }
        }
    }
}
