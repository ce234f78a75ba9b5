package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.deadlock.shared.LockPair;
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

public class Deadlock_01_LockOrderInversion {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_01_LockOrderInversion
        The seed-style check of the same bug (sleep + join + ThreadMXBean), see the end of this comment:
            java -cp tests-deadlock/target/jcstress.jar org.litmuslab.deadlock.stress.LockOrderDeadlockCheck
     */

    /* ----------------------------------------------------------------------------------------
        The classic deadlock: one thread takes lock A then B, the other takes B then A. If each
        gets its first lock before the other gets its second, both wait forever.

        A jcstress test must never really hang: in Continuous mode jcstress 0.16 waits for its
        actors without a timeout. So each actor takes its first lock with lock() and only
        *tries* the second with tryLock() (shared.LockPair). The outcome "deadlock" -- both
        actors hold their first lock and find the second one taken -- is an interleaving in
        which blocking lock() calls deadlock for certain. Counting it measures how often the
        deadlock window opens, with no sleep and no hang.

        "deadlock" is a lower bound. In "actor1-blocked" actor1 found B taken and backed off;
        actor2 then got A. Either actor2 was already done and releasing (harmless), or it was
        still acquiring and only actor1's back-off defused a real deadlock; the test cannot
        tell the two apart, so the outcome stays ACCEPTABLE.

        The first lock() cannot wait forever: the other actor holds that lock either as its
        first lock while it runs a tryLock() (which never waits), or as its second lock, and
        then it is about to release it.

        Nothing in the Java language prevents the inverted order: a lock is a plain mutual-
        exclusion object (JLS 17.1 for monitors; java.util.concurrent.locks.Lock for
        ReentrantLock), so "deadlock" is an ACCEPTABLE_INTERESTING outcome of the inverted
        variant: the program is wrong, the platform is not. ReentrantLock.tryLock() fails only
        when another thread holds the lock (its javadoc: "Acquires the lock only if it is not
        held by another thread at the time of invocation"), so the outcome is never spurious.

        The fix is a global lock order: both actors take A, then B. Whoever holds A is the only
        one who can hold or try B, and releases B before A, so the tryLock() of B always
        succeeds: "deadlock" and any backing-off are FORBIDDEN. Deadlock_02 orders locks that
        are only known at run time; Deadlock_04 keeps the inverted order and survives it with
        timed tryLock and back-off.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        Inverted:
                  RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
          actor1-blocked     67,268    1.00%   Acceptable  actor1 found B taken and backed off; actor2 then ran.
          actor2-blocked     66,139    0.98%   Acceptable  actor2 found A taken and backed off; actor1 then ran.
                both-ran  6,486,907   96.39%   Acceptable  The actors did not overlap.
                deadlock    109,707    1.63%  Interesting  Each held one lock, wanted the other: deadlock with lock().

        Ordered:
                  RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
          actor1-blocked          0    0.00%   Forbidden  Impossible: holding A guarantees B is free.
          actor2-blocked          0    0.00%   Forbidden  Impossible: holding A guarantees B is free.
                both-ran  6,570,670  100.00%  Acceptable  Both critical sections ran.
                deadlock          0    0.00%   Forbidden  Impossible with one lock order.

        Without a single sleep, about one trial in 60 opened the window so wide that both
        actors saw the cycle: each of those is a hung program with lock(). Another 2% ended
        in a one-sided back-off, some of them deadlocks defused (see above). A teach-preset
        run shows "deadlock" as well (2.97% of its far fewer trials).

        The seed-style check
        --------------------
        org.litmuslab.deadlock.stress.LockOrderDeadlockCheck is the classic way to "test" for
        this bug: two threads, opposite lock order, a 100 ms sleep while holding the first
        lock, then join(1 s) on each thread; a thread still alive means "potential deadlock
        detected", and ThreadMXBean.findDeadlockedThreads() then prints the actual cycle.

        The sleep makes it deterministic: 100 ms is ages compared with the microseconds it
        takes the other thread to start and take its first lock, so both threads hold their
        first lock before either asks for its second, every time. It also makes it slow and
        blind: each trial costs at least 100 ms, and a deadlocked one the whole 1 s join
        timeout; and it only proves that a deadlock *can* happen once the window is held open
        by force. It says nothing about how often real code, without the sleep, opens it.

        This litmus test answers that second question: no sleep, millions of trials, and
        tryLock() turns each would-be deadlock into a counted outcome instead of a hang.
        Without its sleep (--sleep-ms 0) the seed-style check almost never catches the
        deadlock, because thread start-up (tens of microseconds) keeps its two threads apart.
        On this machine (x86_64, JDK 17.0.15, load average ~14):
            --trials 5                   5 of 5 deadlocked, 10.3 s (2 s per deadlock: two joins)
            --trials 100000 --sleep-ms 0 1 of 100000 deadlocked, 55.5 s
        against "deadlock" in 1.63% of 6.7 million trials in the -m quick run above.
     */

    /** The two locks of one trial and what each actor managed. */
    public static class Locks {
        final ReentrantLock a = new ReentrantLock();
        final ReentrantLock b = new ReentrantLock();
        boolean actor1Ran;
        boolean actor2Ran;
    }

    @JCStressTest
    @Description("Locks taken in opposite orders: the deadlock window opens.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE,             desc = "The actors did not overlap.")
    @Outcome(id = "actor1-blocked", expect = ACCEPTABLE,             desc = "actor1 found B taken and backed off; actor2 then ran.")
    @Outcome(id = "actor2-blocked", expect = ACCEPTABLE,             desc = "actor2 found A taken and backed off; actor1 then ran.")
    @Outcome(id = "deadlock",       expect = ACCEPTABLE_INTERESTING, desc = "Each held one lock, wanted the other: deadlock with lock().")
    @ObservedOn("x86_64")
    @State
    public static class Inverted extends Locks {
        @Actor
        public void actor1() {
            actor1Ran = LockPair.lockThenTry(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = LockPair.lockThenTry(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = LockPair.verdict(actor1Ran, actor2Ran);
        }
    }

    @JCStressTest
    @Description("Locks taken in one global order: no deadlock is possible.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE, desc = "Both critical sections ran.")
    @Outcome(id = "actor1-blocked", expect = FORBIDDEN,  desc = "Impossible: holding A guarantees B is free.")
    @Outcome(id = "actor2-blocked", expect = FORBIDDEN,  desc = "Impossible: holding A guarantees B is free.")
    @Outcome(id = "deadlock",       expect = FORBIDDEN,  desc = "Impossible with one lock order.")
    @State
    public static class Ordered extends Locks {
        @Actor
        public void actor1() {
            actor1Ran = LockPair.lockThenTry(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = LockPair.lockThenTry(a, b);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = LockPair.verdict(actor1Ran, actor2Ran);
        }
    }
}
