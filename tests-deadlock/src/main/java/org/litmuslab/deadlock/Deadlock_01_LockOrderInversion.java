package org.litmuslab.deadlock;

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

public class Deadlock_01_LockOrderInversion {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_01_LockOrderInversion
     */

    /* ----------------------------------------------------------------------------------------
        The classic deadlock: one thread takes lock A then B, the other takes B then A. If each
        gets its first lock before the other gets its second, both wait forever.

        A jcstress test must never really hang: jcstress 0.16 waits for its actors without a
        timeout. So each actor takes its first lock with lock() and only *tries* the second
        with tryLock(). The outcome "deadlock" -- both actors hold their first lock and find
        the second one taken -- is exactly the interleaving in which blocking lock() calls
        would have deadlocked. Counting it measures how often the deadlock window opens.

        The first lock() cannot wait forever: the other actor only ever holds that lock after
        a tryLock(), and releases it at once without waiting for anything.

        Nothing in the Java language prevents the inverted order; a lock is a plain mutual-
        exclusion object (JLS 17.1, java.util.concurrent.locks.Lock), so "deadlock" is an
        ACCEPTABLE_INTERESTING outcome of the inverted variant: the program is wrong, the
        platform is not. ReentrantLock.tryLock() fails only when another thread holds the lock
        (its javadoc), so the outcome is never spurious.

        The fix is a global lock order: both actors take A, then B. Whoever holds A is the only
        one who can be holding or trying B, so the tryLock() of B always succeeds: "deadlock"
        and any backing-off are FORBIDDEN.

        Observed on x86_64, JDK 17.0.15, java -jar tools/cli/target/litmus.jar run --preset quick --tests _01_
        (jcstress -m quick, 28 JVM configurations):

          Inverted:
                  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
          actor1-blocked    7,147,845    4.93%   Acceptable  actor2 held both locks while actor1 wanted its second.
          actor2-blocked    7,238,837    4.99%   Acceptable  actor1 held both locks while actor2 wanted its second.
                both-ran  120,330,485   82.91%   Acceptable  The actors did not overlap.
                deadlock   10,409,588    7.17%  Interesting  Each held one lock and wanted the other's: a deadlock wit...

          Ordered:
                  RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
          actor1-blocked            0    0.00%   Forbidden  Impossible: holding A guarantees B is free.
          actor2-blocked            0    0.00%   Forbidden  Impossible: holding A guarantees B is free.
                both-ran  145,206,577  100.00%  Acceptable  Both critical sections ran.
                deadlock            0    0.00%   Forbidden  Impossible with one lock order.
     */

    /** The two locks of one trial and what each actor managed. */
    public static class Locks {
        final ReentrantLock a = new ReentrantLock();
        final ReentrantLock b = new ReentrantLock();
        boolean actor1Done;
        boolean actor2Done;

        /** Takes first, then tries second; reports whether the critical section ran. */
        static boolean lockThenTry(ReentrantLock first, ReentrantLock second) {
            first.lock();
            try {
                if (second.tryLock()) {
                    second.unlock();
                    return true;
                }
                return false;
            } finally {
                first.unlock();
            }
        }

        void verdict(L_Result r) {
            if (actor1Done && actor2Done) {
                r.r1 = "both-ran";
            } else if (actor1Done) {
                r.r1 = "actor2-blocked";
            } else if (actor2Done) {
                r.r1 = "actor1-blocked";
            } else {
                r.r1 = "deadlock";
            }
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Locks taken in opposite orders: the deadlock window opens.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE,             desc = "The actors did not overlap.")
    @Outcome(id = "actor1-blocked", expect = ACCEPTABLE,             desc = "actor2 held both locks while actor1 wanted its second.")
    @Outcome(id = "actor2-blocked", expect = ACCEPTABLE,             desc = "actor1 held both locks while actor2 wanted its second.")
    @Outcome(id = "deadlock",       expect = ACCEPTABLE_INTERESTING, desc = "Each held one lock and wanted the other's: a deadlock with lock().")
    @State
    public static class Inverted extends Locks {
        @Actor
        public void actor1() {
            actor1Done = lockThenTry(a, b);
        }

        @Actor
        public void actor2() {
            actor2Done = lockThenTry(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }

    @JCStressTest
    @Description("Locks taken in one global order: no deadlock is possible.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE, desc = "Both critical sections ran.")
    @Outcome(id = "actor1-blocked", expect = FORBIDDEN,  desc = "Impossible: holding A guarantees B is free.")
    @Outcome(id = "actor2-blocked", expect = FORBIDDEN,  desc = "Impossible: holding A guarantees B is free.")
    @Outcome(id = "deadlock",       expect = FORBIDDEN,  desc = "Impossible with one lock order.")
    @State
    public static class Ordered extends Locks {
        @Actor
        public void actor1() {
            actor1Done = lockThenTry(a, b);
        }

        @Actor
        public void actor2() {
            actor2Done = lockThenTry(a, b);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }
}
