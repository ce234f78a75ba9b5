package org.litmuslab.counter;

import java.util.concurrent.atomic.AtomicInteger;

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

public class Counter_07_CheckThenAct {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_07_CheckThenAct
     */

    /* ----------------------------------------------------------------------------------------
        A bounded counter: a connection limit, a rate limit, "at most LIMIT seats". Both
        threads try to take a slot; LIMIT is 1, so exactly one should get it and the final
        count should be 1. The arbiter reads the count.

        Racy: if (c.get() < LIMIT) c.incrementAndGet(). Every single call is atomic, and still
        the bound overshoots. The check and the act are two atomic actions, and the other
        thread's check can fall between them in the synchronization order (JLS 17.4.4): both
        read 0, both pass, both increment, count 2. Atomic pieces do not make an atomic whole.
        2 is ACCEPTABLE_INTERESTING.

        UpdateAndGet: c.updateAndGet(x -> x < LIMIT ? x + 1 : x) runs check and act on one
        value and installs the result with a compare-and-set, retrying with a fresh value if
        another thread changed it in between (AtomicInteger javadoc; the function must be free
        of side effects because it may run more than once). The loser's retry sees 1 and leaves
        it: 2 is FORBIDDEN.

        CasLoop: the same loop written out: read cur; stop if cur >= LIMIT; else
        compareAndSet(cur, cur + 1) and retry on failure. What updateAndGet does inside, and
        the shape to use when the decision needs more than a pure function (Counter_05 shows
        the plain increment loop).

        Locked: check and act on a plain int inside one synchronized block. Mutual exclusion
        (JLS 17.1) runs one check-and-act entirely before the other, and the unlock/lock edge
        (JLS 17.4.5) lets the second see the first's increment: 2 is FORBIDDEN.

        A count of 0 is impossible in every variant: whichever check comes first sees 0 and
        increments.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Racy:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1  13,610,817   90.32%   Acceptable  One thread took the slot, the other saw the bound.
                 2   1,458,401    9.68%  Interesting  Bound overshot: both checks saw 0 before either increment.

          UpdateAndGet:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1  13,416,187  100.00%  Acceptable  One thread took the slot, the other saw the bound.
                 2           0    0.00%   Forbidden  Bound overshot: updateAndGet checks and acts atomically.

          CasLoop:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1  15,573,147  100.00%  Acceptable  One thread took the slot, the other saw the bound.
                 2           0    0.00%   Forbidden  Bound overshot: the loser's CAS fails and it re-checks.

          Locked:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1  16,000,537  100.00%  Acceptable  One thread took the slot, the other saw the bound.
                 2           0    0.00%   Forbidden  Bound overshot: the lock makes check and act one step.
     */

    /** The bound: at most this many slots may be taken. */
    static final int LIMIT = 1;

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("if (c.get() < LIMIT) c.incrementAndGet() overshoots the bound.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "1", expect = ACCEPTABLE,             desc = "One thread took the slot, the other saw the bound.")
    @Outcome(id = "2", expect = ACCEPTABLE_INTERESTING, desc = "Bound overshot: both checks saw 0 before either increment.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the first check sees 0 and increments.")
    @State
    public static class Racy {
        final AtomicInteger c = new AtomicInteger();

        void take() {
            if (c.get() < LIMIT) {
                c.incrementAndGet();
            }
        }

        @Actor
        public void actor1() {
            take();
        }

        @Actor
        public void actor2() {
            take();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = c.get();
        }
    }

    @JCStressTest
    @Description("updateAndGet(x -> x < LIMIT ? x + 1 : x) never overshoots the bound.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#updateAndGet(java.util.function.IntUnaryOperator)")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "One thread took the slot, the other saw the bound.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Bound overshot: updateAndGet checks and acts atomically.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the first update sees 0 and increments.")
    @State
    public static class UpdateAndGet {
        final AtomicInteger c = new AtomicInteger();

        void take() {
            c.updateAndGet(x -> x < LIMIT ? x + 1 : x);
        }

        @Actor
        public void actor1() {
            take();
        }

        @Actor
        public void actor2() {
            take();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = c.get();
        }
    }

    @JCStressTest
    @Description("Check and compareAndSet, retried on failure, never overshoots the bound.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#compareAndSet(int,int)")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "One thread took the slot, the other saw the bound.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Bound overshot: the loser's CAS fails and it re-checks.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the first CAS sees 0 and increments.")
    @State
    public static class CasLoop {
        final AtomicInteger c = new AtomicInteger();

        void take() {
            while (true) {
                int cur = c.get();
                if (cur >= LIMIT || c.compareAndSet(cur, cur + 1)) {
                    return;
                }
            }
        }

        @Actor
        public void actor1() {
            take();
        }

        @Actor
        public void actor2() {
            take();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = c.get();
        }
    }

    @JCStressTest
    @Description("Check and increment inside one synchronized block never overshoot the bound.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "One thread took the slot, the other saw the bound.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Bound overshot: the lock makes check and act one step.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the first check sees 0 and increments.")
    @State
    public static class Locked {
        int c;

        void take() {
            synchronized (this) {
                if (c < LIMIT) {
                    c++;
                }
            }
        }

        @Actor
        public void actor1() {
            take();
        }

        @Actor
        public void actor2() {
            take();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = c;
        }
    }
}
