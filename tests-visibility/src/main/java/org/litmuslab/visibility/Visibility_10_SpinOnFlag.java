package org.litmuslab.visibility;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.visibility.shared.Handles;
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

public class Visibility_10_SpinOnFlag {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_10_SpinOnFlag
     */

    /* ----------------------------------------------------------------------------------------
        One thread spins until a flag is set; jcstress then sets the flag from another thread
        (@Signal) and waits for the spinner to finish. These are Termination-mode tests: the
        outcome is TERMINATED, or STALE when the spinner still runs long after the signal.

        Plain flag: the JMM does not require the spinner ever to see the write. JLS 17.3 uses
        this very loop as its example: with a non-volatile flag "the compiler is free to read
        the field just once" and loop forever. C2 does exactly that once the loop is
        compiled: it hoists the load out of the loop, which becomes `while (true)`. The CPU is
        not involved: x86 caches are coherent and would deliver the write within nanoseconds.
        STALE is ACCEPTABLE_INTERESTING. In the run below it showed in the forks where jcstress
        had C2 compile the spinner; in the interpreter and C1 forks the loop terminated. Each STALE sample costs jcstress at least 30 s (it
        waits that long before giving up on the spinning thread), so this lesson has only this
        one variant that is expected to go STALE.

        Volatile flag: each iteration performs a volatile read, a synchronization action.
        JSR-133 gave the synchronization order a weak fairness rule (Pugh's note in the
        references; JLS 17.4.9 builds it into its sets of observable actions): only finitely
        many synchronization actions come before any given one. Once the signaller's write is
        performed, only finitely many of the spinner's reads can precede it, and every later
        read sees true: STALE is FORBIDDEN.

        Opaque reads (VarHandle getOpaque) are "accessed in program order" (VarHandle
        javadoc), so the JIT must keep the load in the loop, and Lea's description of the JDK 9
        modes states the progress property outright: an opaque write becomes visible to
        opaque reads eventually. STALE is FORBIDDEN.

        synchronized on both sides: once the signaller's unlock has happened, the spinner's
        next lock of the same monitor sees true (JLS 17.4.5), so visibility is not the
        problem. Starvation is: JLS 17 has no fairness rule for monitors (17.1 defines them), so
        a spinner that re-locks at once could in principle keep the signaller out forever. STALE is
        therefore allowed (ACCEPTABLE_INTERESTING), though HotSpot is not expected to starve a
        waiting thread for the 30 s it would take to show, and the run below saw no STALE.

        Related: Visibility_02_MessagePassing (the data a flag hands over).

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        PlainFlag [OK]:
              RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION
               STALE        4    0.13%  Interesting  Never saw the flag: the read was hoisted out of the loop.
          TERMINATED    3,032   99.87%   Acceptable  The spinner saw the flag and stopped.
          Messages:
            Have stale threads, forcing VM to exit for proper cleanup.
            Have stale threads, forcing VM to exit for proper cleanup.
            Have stale threads, forcing VM to exit for proper cleanup.
            Have stale threads, forcing VM to exit for proper cleanup.

        VolatileFlag [OK]:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Never saw the volatile write: breaks JMM weak fairness.
          TERMINATED    5,923  100.00%  Acceptable  The spinner saw the flag and stopped.

        OpaqueFlag [OK]:
              RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               STALE        0    0.00%   Forbidden  Never saw the opaque write: breaks opaque progress.
          TERMINATED    6,455  100.00%  Acceptable  The spinner saw the flag and stopped.

        SynchronizedFlag [OK]:
              RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION
               STALE        0    0.00%  Interesting  The signaller never got the lock: monitors are not fair.
          TERMINATED    6,395  100.00%   Acceptable  The spinner saw the flag and stopped.
     */

    @JCStressTest(Mode.Termination)
    @ObservedOn("x86_64")
    @Description("Spinning on a plain flag: once compiled, the loop may never see the write.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.3")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE,             desc = "The spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "Never saw the flag: the read was hoisted out of the loop.")
    @State
    public static class PlainFlag {
        boolean ready;

        @Actor
        public void spinner() {
            while (!ready) {
                // spin
            }
        }

        @Signal
        public void signal() {
            ready = true;
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("Spinning on a volatile flag: the write is seen, the loop terminates.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.9")
    @Ref("https://www.cs.umd.edu/~pugh/java/memoryModel/archive/2150.html")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Never saw the volatile write: breaks JMM weak fairness.")
    @State
    public static class VolatileFlag {
        volatile boolean ready;

        @Actor
        public void spinner() {
            while (!ready) {
                // spin
            }
        }

        @Signal
        public void signal() {
            ready = true;
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("Spinning with getOpaque on a flag set with setOpaque: the loop terminates.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html#getOpaque(java.lang.Object...)")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Never saw the opaque write: breaks opaque progress.")
    @State
    public static class OpaqueFlag {
        static final VarHandle READY = Handles.field(MethodHandles.lookup(), "ready", boolean.class);
        boolean ready;

        @Actor
        public void spinner() {
            while (!(boolean) READY.getOpaque(this)) {
                // spin
            }
        }

        @Signal
        public void signal() {
            READY.setOpaque(this, true);
        }
    }

    @JCStressTest(Mode.Termination)
    @Description("Spinning on a flag read and written under one lock: the loop terminates in practice.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE,             desc = "The spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "The signaller never got the lock: monitors are not fair.")
    @State
    public static class SynchronizedFlag {
        boolean ready;

        @Actor
        public void spinner() {
            while (true) {
                synchronized (this) {
                    if (ready) {
                        return;
                    }
                }
            }
        }

        @Signal
        public void signal() {
            synchronized (this) {
                ready = true;
            }
        }
    }
}
