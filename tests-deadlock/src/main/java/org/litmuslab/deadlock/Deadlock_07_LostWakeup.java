package org.litmuslab.deadlock;

import java.util.concurrent.CountDownLatch;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Deadlock_07_LostWakeup {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_07_LostWakeup
     */

    /* ----------------------------------------------------------------------------------------
        A waiter calls wait() until a notifier calls notify(). A monitor's wait set has no
        memory: notify() wakes a thread that is in the wait set *now*, and "if the wait set is
        empty, no action is taken" -- there is nothing left for a thread that starts waiting
        later (JLS 17.2.2, Object.notify javadoc). A waiter that calls wait() without first
        checking a condition therefore hangs forever whenever the notifier got there first:
        the lost wake-up. wait() can also return with nobody calling notify() at all ("spurious
        wake-ups", JLS 17.2.1, Object.wait javadoc), and an unguarded waiter then carries on
        as if notified. Both are why wait() belongs in a loop: while (!condition) wait().

        Unguarded (Continuous mode, two actors): the notifier sets `notified` and calls
        notify(); the waiter calls wait() without a loop. The bug would hang jcstress, so the
        waiter looks at `notified` -- inside the monitor, so the answer is exact -- only to
        report "lost-wakeup" and skip the wait() that would never return (the tryLock trick of
        Deadlock_01, applied to wait()). Every "lost-wakeup" is one trial in which the real
        code hangs. The wait() is timed (10 s) so that a broken harness cannot hang either;
        a wake-up without notify is reported as "woke-early".

        GuardedLoop: the same with while (!notified) wait(), and the notifier publishes a
        value under the monitor before notifying. "no-wait" (the notify came first -- the case
        Unguarded loses) and "woken" are both fine; seeing the flag without the value is
        FORBIDDEN because the notifier's writes happen-before the waiter's reads through the
        monitor (unlock happens-before every later lock of it, JLS 17.4.5).

        GuardedWait, Latch (Termination mode): the real, untimed waits. The actor waits, the
        @Signal releases it -- with the flag and notifyAll(), or with CountDownLatch
        .countDown(), whose await() "returns immediately" once the count is zero (its
        javadoc), so no ordering of signal and wait can lose the wake-up: STALE is FORBIDDEN.
        An unguarded wait() in Termination mode would show the hang itself as STALE, at >= 30 s
        per fork; Unguarded above counts the same event without waiting for it.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        Unguarded:
               RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
          lost-wakeup  9,961,206   99.21%  Interesting  The notify came first: an unguarded wait() never returns.
           woke-early          0    0.00%  Interesting  wait() returned without notify: spurious (JLS 17.2.1).
                woken     79,733    0.79%   Acceptable  The waiter waited first and was notified.

        GuardedLoop:
              RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             no-wait  11,028,168   99.19%  Acceptable  The notify came first; the guard skipped the wait.
          stale-data           0    0.00%   Forbidden  Impossible: the monitor orders the value before the flag.
               woken      90,228    0.81%  Acceptable  The waiter waited and was notified.

        GuardedWait:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: the guard checks the flag before every wait().
          TERMINATED    5,207  100.00%  Acceptable  The waiter saw the flag, before or after waiting.

        Latch:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Impossible: await() returns at once when the count is 0.
          TERMINATED    5,115  100.00%  Acceptable  await() returned, countDown() before or after it.

        The lost wake-up is not rare, it is the common case here: 99% of the trials. jcstress
        runs each actor over a long array of trials. Whenever the waiter is ahead it has to
        wait for the notifier in each trial, so it is held back until it falls behind; from
        then on every notify comes first. The exact share says more about jcstress than about
        a real program; what matters is that the window is wide open, and that the guarded
        loop (99.19% "no-wait") turns every one of those trials into a non-event.
        No spurious wake-up was seen ("woke-early" 0), but JLS 17.2.1 allows them, so the
        guard is needed for them as well.
     */

    /** How long a Continuous-mode wait() may take before it counts as "woke-early" rather than hanging jcstress. */
    static final long WAIT_BOUND_MS = 10_000;

    @JCStressTest
    @Description("wait() without a guard: the notify can come first and is lost.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.2")
    @Outcome(id = "woken",       expect = ACCEPTABLE,             desc = "The waiter waited first and was notified.")
    @Outcome(id = "lost-wakeup", expect = ACCEPTABLE_INTERESTING, desc = "The notify came first: an unguarded wait() never returns.")
    @Outcome(id = "woke-early",  expect = ACCEPTABLE_INTERESTING, desc = "wait() returned without notify: spurious (JLS 17.2.1).")
    @ObservedOn("x86_64")
    @State
    public static class Unguarded {
        final Object monitor = new Object();
        boolean notified;
        String outcome;

        @Actor
        public void waiter() {
            synchronized (monitor) {
                if (notified) {
                    // The real code calls wait() here regardless -- and would never return.
                    outcome = "lost-wakeup";
                    return;
                }
                try {
                    monitor.wait(WAIT_BOUND_MS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("jcstress does not interrupt its actors", e);
                }
                outcome = notified ? "woken" : "woke-early";
            }
        }

        @Actor
        public void notifier() {
            synchronized (monitor) {
                notified = true;
                monitor.notify();
            }
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = outcome;
        }
    }

    @JCStressTest
    @Description("wait() in a while loop on the condition: no wake-up is lost.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Object.html#wait(long)")
    @Outcome(id = "woken",      expect = ACCEPTABLE, desc = "The waiter waited and was notified.")
    @Outcome(id = "no-wait",    expect = ACCEPTABLE, desc = "The notify came first; the guard skipped the wait.")
    @Outcome(id = "stale-data", expect = FORBIDDEN,  desc = "Impossible: the monitor orders the value before the flag.")
    @State
    public static class GuardedLoop {
        final Object monitor = new Object();
        boolean notified;
        int data;
        String outcome;

        @Actor
        public void waiter() {
            synchronized (monitor) {
                boolean waited = false;
                while (!notified) {
                    waited = true;
                    try {
                        monitor.wait(WAIT_BOUND_MS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("jcstress does not interrupt its actors", e);
                    }
                }
                outcome = data != 42 ? "stale-data" : waited ? "woken" : "no-wait";
            }
        }

        @Actor
        public void notifier() {
            synchronized (monitor) {
                data = 42;
                notified = true;
                monitor.notifyAll();
            }
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = outcome;
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("Guarded, untimed wait() released by a signal that sets the flag: never hangs.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.2")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The waiter saw the flag, before or after waiting.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: the guard checks the flag before every wait().")
    @State
    public static class GuardedWait {
        final Object monitor = new Object();
        boolean ready;

        @Actor
        public void actor() {
            synchronized (monitor) {
                while (!ready) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Signal
        public void signal() {
            synchronized (monitor) {
                ready = true;
                monitor.notifyAll();
            }
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("CountDownLatch.await() released by countDown(): the latch remembers.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/CountDownLatch.html#await()")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await() returned, countDown() before or after it.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Impossible: await() returns at once when the count is 0.")
    @State
    public static class Latch {
        final CountDownLatch latch = new CountDownLatch(1);

        @Actor
        public void actor() {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Signal
        public void signal() {
            latch.countDown();
        }
    }
}
