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

public class Counter_01_LostUpdate {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_01_LostUpdate
     */

    /* ----------------------------------------------------------------------------------------
        Two threads each run v++ once on a shared int; the arbiter reads v after both are done.

        v++ is not one action. It is a read of v, an add, and a write of v (JLS 15.14.2). The
        Java Memory Model (JLS 17.4) makes no promise that the read and the write of one thread
        happen with nothing in between: both threads may read 0, both add one, both write 1.
        One update is lost and the arbiter sees 1. On x86 this shows at once: the two reads and
        writes are separate machine instructions even after C2 compiles them.

        The arbiter runs after both actors (jcstress joins them first), so it sees every write:
        the only values it can read are 1 and 2; anything else would be a harness bug.

        The fix: make read-modify-write one atomic step. AtomicInteger.incrementAndGet() is a
        single atomic read-modify-write (java.util.concurrent.atomic package docs), so 1 is
        FORBIDDEN there. Counter_02 onwards shows the other fixes and why volatile is not one.

        Observed on x86_64, JDK 17.0.15, java -jar tools/cli/target/litmus.jar run --preset quick --tests _01_
        (jcstress -m quick, 28 JVM configurations):

          Racy:
          RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
               1  197,712,474   25.35%  Interesting  One update lost: both threads read 0.
               2  582,224,937   74.65%   Acceptable  Both updates seen.

          Atomic:
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
               1            0    0.00%   Forbidden  One update lost: incrementAndGet is atomic.
               2  365,007,580  100.00%  Acceptable  Both updates seen.
     */

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Plain int v++ from two threads loses an update.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both threads read 0.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class Racy {
        int v;

        @Actor
        public void actor1() {
            v++;
        }

        @Actor
        public void actor2() {
            v++;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("AtomicInteger.incrementAndGet() from two threads never loses an update.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/package-summary.html")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,              desc = "One update lost: incrementAndGet is atomic.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class Atomic {
        final AtomicInteger v = new AtomicInteger();

        @Actor
        public void actor1() {
            v.incrementAndGet();
        }

        @Actor
        public void actor2() {
            v.incrementAndGet();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v.get();
        }
    }
}
