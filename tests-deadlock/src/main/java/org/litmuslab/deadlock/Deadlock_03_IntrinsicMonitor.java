package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.deadlock.shared.Helpers;
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

public class Deadlock_03_IntrinsicMonitor {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_03_IntrinsicMonitor
        Slow on purpose: every fork of Synchronized ends in a STALE sample, and jcstress 0.16
        waits max(2 x iteration time, 30 s) before it calls a sample STALE.
     */

    /* ----------------------------------------------------------------------------------------
        A real deadlock, not a detected one, in jcstress's Termination mode: the single actor
        takes lock A, starts a helper thread that takes B and then wants A, waits until the
        helper holds B (a handshake, so the deadlock forms in every trial, not only when the
        scheduler happens to line the threads up), and then wants B itself. Both threads now
        wait for each other. jcstress then calls the @Signal, which interrupts both threads,
        and records TERMINATED if the actor returns, STALE if it is still stuck after
        max(2 x iteration time, 30 s).

        Synchronized: the locks are intrinsic monitors. A thread that wants a monitor another
        thread holds "is blocked until it can obtain a lock on that monitor" (JLS 17.1), and
        nothing else ends that wait: Thread.interrupt() only affects wait/sleep/join,
        interruptible channels and selectors, and otherwise "this thread's interrupt status
        will be set" -- nothing more (Thread.interrupt javadoc, JLS 17.2.3). So the trial is
        STALE every time; TERMINATED is FORBIDDEN because it cannot happen. The only way out
        is to end the JVM, which is what jcstress does with the fork after its first STALE
        sample (the stuck threads are daemons). This is why a deadlock among synchronized
        blocks can only be avoided (lock order, Deadlock_01/02), never recovered from.

        LockInterruptibly: the same handshake with ReentrantLock, every acquisition made with
        lockInterruptibly(). The interrupt makes the actor's pending lockInterruptibly() throw
        InterruptedException (ReentrantLock.lockInterruptibly javadoc: the thread lies dormant
        until it gets the lock or "some other thread interrupts the current thread"); the
        actor releases A on its way out, the helper gets A, finishes and releases B. STALE is
        FORBIDDEN. The signal may come before the deadlock has formed; then the interrupt
        status is already set when the actor reaches lockInterruptibly(), which throws at once
        ("If the current thread has its interrupted status set on entry to this method").
        shared.Interrupter makes sure the interrupt is not lost when the signal comes before
        the actor has even registered itself.

        Cost: Synchronized costs >= 30 s per fork (one STALE sample per fork; jcstress -m
        quick runs 8 forks of a Termination test, 2 at a time on 2 CPUs, so about 2 minutes).
        `litmus run --preset sanity` runs no Termination trials at all (iteration time 0), so
        mvn verify does not pay for it.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        Synchronized:
              RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION
               STALE        8  100.00%  Interesting  Deadlock: interrupted, still stuck in monitor entry.
          TERMINATED        0    0.00%    Forbidden  Impossible: each thread waits for the other's monitor.

        LockInterruptibly:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: lockInterruptibly() gives up when interrupted.
          TERMINATED    4,375  100.00%  Acceptable  Interrupted lockInterruptibly() threw; A was released.

        8 STALE samples are 8 forks: jcstress ends a fork at its first STALE sample, and the
        handshake makes the very first trial of every fork deadlock. Each cost 30 s.
     */

    @JCStressTest(Mode.Termination)
    @Description("Deadlock between two synchronized blocks: interrupt cannot end it.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Thread.html#interrupt()")
    @Outcome(id = "TERMINATED", expect = FORBIDDEN,              desc = "Impossible: each thread waits for the other's monitor.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "Deadlock: interrupted, still stuck in monitor entry.")
    @ObservedOn("x86_64")
    @State
    public static class Synchronized {
        final Object a = new Object();
        final Object b = new Object();
        final Interrupter interrupter = new Interrupter();
        volatile boolean helperHoldsB;

        @Actor
        public void actor() {
            interrupter.enlistMe();
            synchronized (a) {
                Thread helper = Helpers.daemon("deadlock-03-helper", () -> {
                    synchronized (b) {
                        helperHoldsB = true;
                        synchronized (a) {
                            helperHoldsB = false; // never reached
                        }
                    }
                });
                interrupter.enlist(helper);
                helper.start();
                Helpers.awaitTrue(() -> helperHoldsB);
                synchronized (b) {
                    helperHoldsB = false; // never reached
                }
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("The same deadlock with lockInterruptibly(): interrupt breaks it.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#lockInterruptibly()")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "Interrupted lockInterruptibly() threw; A was released.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: lockInterruptibly() gives up when interrupted.")
    @State
    public static class LockInterruptibly {
        final ReentrantLock a = new ReentrantLock();
        final ReentrantLock b = new ReentrantLock();
        final Interrupter interrupter = new Interrupter();
        volatile boolean helperHoldsB;

        @Actor
        public void actor() {
            interrupter.enlistMe();
            try {
                a.lockInterruptibly();
                try {
                    // The helper is not interrupted: it is freed when the actor gives up A.
                    Thread helper = Helpers.daemon("deadlock-03-helper", () -> {
                        b.lock();
                        try {
                            helperHoldsB = true;
                            a.lock();
                            a.unlock();
                        } finally {
                            b.unlock();
                        }
                    });
                    helper.start();
                    Helpers.awaitTrue(() -> helperHoldsB);
                    b.lockInterruptibly();
                    b.unlock();
                } finally {
                    a.unlock();
                }
            } catch (InterruptedException e) {
                // Rescued: the deadlock is broken, A is released by the finally above.
            }
        }

        @Signal
        public void signal() {
            interrupter.interruptAll();
        }
    }
}
