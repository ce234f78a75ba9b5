package org.litmuslab.visibility;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_01_StoreBuffering {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_01_StoreBuffering
     */

    /* ----------------------------------------------------------------------------------------
        Store buffering, the Dekker idiom: each thread writes its own variable, then reads the
        other's. Intuition says at least one thread must see the other's write, so (0, 0) is
        impossible. It is not.

        With plain fields there is no happens-before edge between the threads (JLS 17.4.5); the
        reads may see the initial 0 even though, in some global order, the writes came first.
        The JMM allows (0, 0). x86 shows it in hardware: each core's store sits in its store
        buffer while the following load already reads memory (x86 keeps store->load the only
        reordering it performs). C2 may also reorder the independent store and load.

        With volatile fields every access is a synchronization action and all of them fall in
        one total synchronization order consistent with each thread's program order
        (JLS 17.4.4). Whichever write comes first in that order is seen by the other thread's
        later read, so (0, 0) is FORBIDDEN. On x86 the JIT pays for this with a full fence
        (a locked instruction) after each volatile store.

        Note how rarely the plain variant shows (1, 1) below: once C2 has compiled the actors, each
        runs in a few nanoseconds and both loads usually execute while both stores still sit in
        the store buffers.

        Observed on x86_64, JDK 17.0.15, java -jar tools/cli/target/litmus.jar run --preset quick --tests _01_
        (jcstress -m quick, 28 JVM configurations):

          Plain:
          RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  450,104,337   46.89%  Interesting  Both reads missed the other's write: store buffering.
            0, 1  266,877,510   27.80%   Acceptable  actor1 ran first.
            1, 0  243,016,779   25.31%   Acceptable  actor2 ran first.
            1, 1        1,555   <0.01%   Acceptable  The actors interleaved.

          Volatile:
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0            0    0.00%   Forbidden  Both reads missed the other's write: violates the synchro...
            0, 1  161,139,653   40.46%  Acceptable  actor1 ran first.
            1, 0  156,192,789   39.22%  Acceptable  actor2 ran first.
            1, 1   80,908,072   20.32%  Acceptable  The actors interleaved.
     */

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Plain store buffering: both threads may miss each other's write.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Both reads missed the other's write: store buffering.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,             desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "The actors interleaved.")
    @State
    public static class Plain {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("Volatile store buffering: one total order of volatile accesses forbids (0, 0).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "0, 0", expect = FORBIDDEN,  desc = "Both reads missed the other's write: violates the synchronization order.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The actors interleaved.")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }
}
