package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.deadlock.shared.Interrupter;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Deadlock_06_NonReentrant {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_06_NonReentrant
        Slow on purpose: every fork of StampedWriteTwice ends in a STALE sample (>= 30 s).
     */

    /* ----------------------------------------------------------------------------------------
        One thread, one lock, taken twice -- as happens when a locked method calls another
        locked method of the same object. Whether that works depends on the lock being
        reentrant. Termination mode: the actor takes the lock twice, jcstress calls the
        @Signal (which interrupts the actor), and records TERMINATED or STALE.

        StampedWriteTwice: "StampedLocks are not reentrant, so locked bodies should not call
        other unknown methods that may try to re-acquire locks" (StampedLock javadoc). The
        second writeLock() waits for the write lock the thread itself holds: a deadlock with a
        single thread. writeLock() is the non-interruptible acquisition (the interruptible one
        is writeLockInterruptibly()), so the signal's interrupt does not end it and every trial
        is STALE; TERMINATED is FORBIDDEN. Cost: >= 30 s per fork, one STALE per fork.

        StampedWriteTwiceInterruptibly: the same self-deadlock with the second acquisition
        made by writeLockInterruptibly(), which "throws InterruptedException if the current
        thread is interrupted before acquiring the lock" (its javadoc). The interrupt ends the
        wait, the actor releases its first stamp and returns: STALE is FORBIDDEN. This rescues
        the thread; it does not make the code right.

        ReentrantTwice: ReentrantLock counts holds: "If the current thread already holds the
        lock then the hold count is incremented by one and the method returns immediately"
        (ReentrantLock.lock javadoc). STALE is FORBIDDEN.

        SynchronizedTwice: intrinsic monitors are reentrant too: "A thread t may lock a
        particular monitor multiple times; each unlock reverses the effect of one lock
        operation" (JLS 17.1). STALE is FORBIDDEN.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        StampedWriteTwice:
              RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION
               STALE        8  100.00%  Interesting  Self-deadlock: writeLock() ignores the interrupt.
          TERMINATED        0    0.00%    Forbidden  Impossible: the thread waits for the write lock it holds.

        StampedWriteTwiceInterruptibly:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: writeLockInterruptibly() gives up on interrupt.
          TERMINATED    5,136  100.00%  Acceptable  The interrupt made writeLockInterruptibly() throw.

        ReentrantTwice:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: ReentrantLock is reentrant.
          TERMINATED    5,365  100.00%  Acceptable  The second lock() raised the hold count to 2.

        SynchronizedTwice:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: monitors are reentrant (JLS 17.1).
          TERMINATED    5,347  100.00%  Acceptable  The monitor was entered twice and left twice.

        8 STALE samples are 8 forks, each ended by its first trial (>= 30 s each).
     */

    @JCStressTest(Mode.Termination)
    @Description("StampedLock.writeLock() twice: a one-thread deadlock interrupt cannot end.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/StampedLock.html")
    @Outcome(id = "TERMINATED", expect = FORBIDDEN,              desc = "Impossible: the thread waits for the write lock it holds.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "Self-deadlock: writeLock() ignores the interrupt.")
    @ObservedOn("x86_64")
    @State
    public static class StampedWriteTwice {
        final StampedLock sl = new StampedLock();
        final Interrupter interrupter = new Interrupter();

        @Actor
        public void actor() {
            interrupter.enlistMe();
            long outer = sl.writeLock();
            try {
                long inner = sl.writeLock();
                sl.unlockWrite(inner); // never reached
            } finally {
                sl.unlockWrite(outer);
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("StampedLock write twice, the second interruptibly: interrupt ends the wait.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/StampedLock.html#writeLockInterruptibly()")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The interrupt made writeLockInterruptibly() throw.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: writeLockInterruptibly() gives up on interrupt.")
    @State
    public static class StampedWriteTwiceInterruptibly {
        final StampedLock sl = new StampedLock();
        final Interrupter interrupter = new Interrupter();

        @Actor
        public void actor() {
            interrupter.enlistMe();
            long outer = sl.writeLock();
            try {
                long inner = sl.writeLockInterruptibly();
                sl.unlockWrite(inner); // never reached
            } catch (InterruptedException e) {
                // Rescued; the outer stamp is released below.
            } finally {
                sl.unlockWrite(outer);
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("ReentrantLock.lock() twice by one thread: reentrant, returns at once.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#lock()")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The second lock() raised the hold count to 2.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: ReentrantLock is reentrant.")
    @State
    public static class ReentrantTwice {
        final ReentrantLock lock = new ReentrantLock();
        final Interrupter interrupter = new Interrupter();

        @Actor
        public void actor() {
            interrupter.enlistMe();
            lock.lock();
            try {
                lock.lock();
                lock.unlock();
            } finally {
                lock.unlock();
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("synchronized twice on one monitor by one thread: reentrant, returns at once.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The monitor was entered twice and left twice.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: monitors are reentrant (JLS 17.1).")
    @State
    public static class SynchronizedTwice {
        final Object monitor = new Object();
        final Interrupter interrupter = new Interrupter();
        int depth;

        @Actor
        public void actor() {
            interrupter.enlistMe();
            synchronized (monitor) {
                depth = 1;
                synchronized (monitor) {
                    depth = 2;
                }
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }
}
