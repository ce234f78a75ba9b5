package org.litmuslab.visibility;

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

public class Visibility_03_LoadBuffering {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_03_LoadBuffering
     */

    /* ----------------------------------------------------------------------------------------
        Load buffering, the mirror image of store buffering: each thread first reads the
        other's variable, then writes its own. (1, 1) would mean each read saw a write that
        comes *later* in the other thread's program order.

        Plain: the JMM allows it. The read and the write in each thread touch different
        variables, so either may be performed first; with no happens-before edge between the
        threads (JLS 17.4.5), each read may see the other's write. x86 never shows it in
        hardware: TSO does not let a later store overtake an earlier load. The JIT may move
        the store above the load, though, and one thread doing so is enough; the run below
        shows a few (1, 1) on x86, all in forks where C2 had compiled at least one actor.
        POWER and ARM can also do it in hardware.

        Volatile: all four accesses are synchronization actions in one total order consistent
        with program order (JLS 17.4.4). If r1 == 1, x = 1 came before r1 = x, so r2 = y
        (before x = 1) came before y = 1 (after r1 = x) and read 0. (1, 1) is FORBIDDEN.

        Out of thin air, with control dependencies (JLS 17.4.8): each thread writes only if it
        read a non-zero value:
            r1 = x; if (r1 != 0) y = 1;      r2 = y; if (r2 != 0) x = 1;
        In every sequentially consistent execution both reads see 0 and nothing is written,
        so no execution has a data race: the program is correctly synchronized, and JLS 17.4.5
        and 17.4.8 allow it only sequentially consistent results. (1, 1) would be a value that
        justifies itself ("out of thin air"); the causality requirements of JLS 17.4.8 exist
        to forbid exactly this, even though the execution is happens-before consistent. Only
        (0, 0) is allowed; everything else is FORBIDDEN. A JIT must not speculate the write.

        On x86 the (1, 1) of Plain is rare and comes from C2 alone: it
        shows under -m quick, where jcstress varies the compilation of each actor and C2's
        scheduling, but not in the teach preset's single configuration (three teach runs here
        showed none), so the variant carries no @ObservedOn claim.

        Related: Visibility_01_StoreBuffering.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Plain [OK]:
          RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  104,698,203   52.55%   Acceptable  Both reads ran before both writes.
            0, 1   49,959,610   25.08%   Acceptable  actor1 ran first.
            1, 0   44,566,386   22.37%   Acceptable  actor2 ran first.
            1, 1           46   <0.01%  Interesting  Each read saw the other's later write: load buffering.

        Volatile [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  11,153,352   20.65%  Acceptable  Both reads ran before both writes.
            0, 1  20,670,746   38.27%  Acceptable  actor1 ran first.
            1, 0  22,185,633   41.08%  Acceptable  actor2 ran first.
            1, 1           0    0.00%   Forbidden  Each read saw the other's later write: breaks total order.

        OutOfThinAir [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  68,567,546  100.00%  Acceptable  Both reads saw 0, nothing was written: the only SC result.
            1, 1           0    0.00%   Forbidden  Out of thin air: each write justified only by itself.
     */

    @JCStressTest
    @Description("Plain load buffering: each read may see the other thread's later write.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,             desc = "Both reads ran before both writes.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,             desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "Each read saw the other's later write: load buffering.")
    @State
    public static class Plain {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            r.r1 = x;
            y = 1;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = y;
            x = 1;
        }
    }

    @JCStressTest
    @Description("Volatile load buffering: the synchronization order forbids (1, 1).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Both reads ran before both writes.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,  desc = "Each read saw the other's later write: breaks total order.")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void actor1(II_Result r) {
            r.r1 = x;
            y = 1;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = y;
            x = 1;
        }
    }

    @JCStressTest
    @Description("Out-of-thin-air shape with control dependencies: only (0, 0) is allowed.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.8")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Both reads saw 0, nothing was written: the only SC result.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,  desc = "Out of thin air: each write justified only by itself.")
    @Outcome(             expect = FORBIDDEN,  desc = "Impossible: no write happens unless a read saw a write.")
    @State
    public static class OutOfThinAir {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            int r1 = x;
            if (r1 != 0) {
                y = 1;
            }
            r.r1 = r1;
        }

        @Actor
        public void actor2(II_Result r) {
            int r2 = y;
            if (r2 != 0) {
                x = 1;
            }
            r.r2 = r2;
        }
    }
}
