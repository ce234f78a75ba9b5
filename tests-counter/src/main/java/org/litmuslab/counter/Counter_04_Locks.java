package org.litmuslab.counter;

import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_04_Locks {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_04_Locks
     */

    /* ----------------------------------------------------------------------------------------
        The oldest fix for the lost update of Counter_01: do the whole read-modify-write while
        holding a lock, so the two increments cannot interleave.

        Synchronized: each actor runs v++ inside synchronized (this). Only one thread at a time
        holds a monitor (JLS 17.1), so one increment runs entirely before the other. And the
        unlock at the end of the first happens-before the lock at the start of the second
        (JLS 17.4.5), so the second thread's read must see the first one's write: 1 is
        FORBIDDEN. v needs no volatile; the lock orders and publishes it.

        ReentrantLock: the same with java.util.concurrent.locks: lock(), then v++ in try,
        unlock() in finally. The Lock interface docs promise the same memory semantics as the
        built-in monitor (a successful lock acts like a monitor enter, unlock like a monitor
        exit), so 1 is FORBIDDEN here too.

        BrokenTwoLocks: each actor synchronizes on its *own* lock object. A lock excludes only
        threads that use the same lock, and happens-before comes only from an unlock and a
        later lock of the same monitor (JLS 17.4.4). Two different locks give neither: the
        increments race exactly as in Counter_01, and 1 is ACCEPTABLE_INTERESTING. In real code
        this hides as `synchronized` on two different instances, or a lock field that each
        object creates for itself while the counter is static.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Synchronized:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: the monitor excludes the other increment.
                 2  21,952,012  100.00%  Acceptable  Both updates seen.

          ReentrantLocked:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: the lock excludes the other increment.
                 2  11,125,460  100.00%  Acceptable  Both updates seen.

          BrokenTwoLocks:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1     390,624    2.76%  Interesting  One update lost: two different locks exclude nothing.
                 2  13,770,329   97.24%   Acceptable  Both updates seen.
     */

    @JCStressTest
    @Description("v++ inside synchronized (this) from two threads never loses an update.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: the monitor excludes the other increment.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class Synchronized {
        int v;

        @Actor
        public void actor1() {
            synchronized (this) {
                v++;
            }
        }

        @Actor
        public void actor2() {
            synchronized (this) {
                v++;
            }
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("v++ under a shared ReentrantLock from two threads never loses an update.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/Lock.html")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: the lock excludes the other increment.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class ReentrantLocked {
        final ReentrantLock lock = new ReentrantLock();
        int v;

        void increment() {
            lock.lock();
            try {
                v++;
            } finally {
                lock.unlock();
            }
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Each thread locks its own monitor: no exclusion, no happens-before, updates lost.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: two different locks exclude nothing.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class BrokenTwoLocks {
        final Object lock1 = new Object();
        final Object lock2 = new Object();
        int v;

        @Actor
        public void actor1() {
            synchronized (lock1) {
                v++;
            }
        }

        @Actor
        public void actor2() {
            synchronized (lock2) {
                v++;
            }
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }
}
