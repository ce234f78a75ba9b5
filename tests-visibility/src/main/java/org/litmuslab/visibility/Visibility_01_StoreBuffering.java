package org.litmuslab.visibility;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.visibility.shared.Handles;
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

        Plain: there is no happens-before edge between the threads (JLS 17.4.5); the reads may
        see the initial 0 even though, in some global order, the writes came first. The JMM
        allows (0, 0). x86 shows it in hardware: each core's store sits in its store buffer
        while the following load already reads memory (store->load is the one reordering x86
        performs, "TSO"). C2 may also reorder the independent store and load.

        Opaque (VarHandle setOpaque/getOpaque): opaque accesses are atomic and coherent per
        variable, but promise nothing about the order of accesses to *different* variables
        (VarHandle javadoc, "Access modes"). (0, 0) stays allowed. On x86 an opaque store is a
        plain mov, so the store buffer shows (0, 0) just as for plain fields.

        Release/acquire (setRelease/getAcquire): a release write keeps the accesses *before*
        it in place, an acquire read keeps the accesses *after* it in place. Neither stops a
        release store from moving after a later acquire load, which is exactly the store->load
        pair here. (0, 0) stays allowed; on x86 these are plain movs and it shows. Store
        buffering is the classic case where acquire/release is not enough and volatile is.

        Volatile: every access is a synchronization action and all of them fall in one total
        synchronization order consistent with each thread's program order (JLS 17.4.4).
        Whichever write comes first in that order is seen by the other thread's later read, so
        (0, 0) is FORBIDDEN. On x86 the JIT pays for this with a full fence (a locked
        instruction) after each volatile store.

        Plain accesses with VarHandle.fullFence() between the store and the load: the fence
        "ensures that loads and stores before the fence will not be reordered with loads and
        stores after the fence" (VarHandle.fullFence javadoc). Fences are outside the formal
        model of JLS 17, so the grade follows that javadoc: each thread's store is ordered
        before its load, which rules out (0, 0), and the outcome is FORBIDDEN. On x86 the fence
        is the same locked instruction volatile uses.

        Related: Visibility_02_MessagePassing (where acquire/release is enough), and
        Visibility_05_IRIW (where it is not enough either).

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Plain [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  16,181,802   37.56%  Interesting  Both reads missed the other's write: store buffering.
            0, 1  14,507,442   33.67%   Acceptable  actor1 ran first.
            1, 0  12,398,640   28.78%   Acceptable  actor2 ran first.
            1, 1         100   <0.01%   Acceptable  The actors interleaved.

        Opaque [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0   5,950,517    8.49%  Interesting  Both reads missed the other's write: store buffering.
            0, 1  28,035,843   40.01%   Acceptable  actor1 ran first.
            1, 0  32,087,516   45.79%   Acceptable  actor2 ran first.
            1, 1   3,999,032    5.71%   Acceptable  The actors interleaved.

        AcquireRelease [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0   9,929,859    7.07%  Interesting  Both reads missed the other's write: store buffering.
            0, 1  37,350,681   26.61%   Acceptable  actor1 ran first.
            1, 0  90,487,573   64.46%   Acceptable  actor2 ran first.
            1, 1   2,608,901    1.86%   Acceptable  The actors interleaved.

        Volatile [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0           0    0.00%   Forbidden  Both reads missed the other's write: breaks the total order.
            0, 1  10,142,263   50.02%  Acceptable  actor1 ran first.
            1, 0   6,965,372   34.35%  Acceptable  actor2 ran first.
            1, 1   3,167,985   15.62%  Acceptable  The actors interleaved.

        FullFence [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0           0    0.00%   Forbidden  Both reads missed the other's write: the fence failed.
            0, 1  32,394,678   77.25%  Acceptable  actor1 ran first.
            1, 0   7,286,647   17.38%  Acceptable  actor2 ran first.
            1, 1   2,255,356    5.38%  Acceptable  The actors interleaved.
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
    @ObservedOn("x86_64")
    @Description("Opaque store buffering: opaque orders nothing across two variables, (0, 0) stays allowed.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Both reads missed the other's write: store buffering.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,             desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "The actors interleaved.")
    @State
    public static class Opaque {
        static final VarHandle X = Handles.field(MethodHandles.lookup(), "x", int.class);
        static final VarHandle Y = Handles.field(MethodHandles.lookup(), "y", int.class);
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            X.setOpaque(this, 1);
            r.r1 = (int) Y.getOpaque(this);
        }

        @Actor
        public void actor2(II_Result r) {
            Y.setOpaque(this, 1);
            r.r2 = (int) X.getOpaque(this);
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Release/acquire store buffering: a release store may still pass a later acquire load.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Both reads missed the other's write: store buffering.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,             desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "The actors interleaved.")
    @State
    public static class AcquireRelease {
        static final VarHandle X = Handles.field(MethodHandles.lookup(), "x", int.class);
        static final VarHandle Y = Handles.field(MethodHandles.lookup(), "y", int.class);
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            X.setRelease(this, 1);
            r.r1 = (int) Y.getAcquire(this);
        }

        @Actor
        public void actor2(II_Result r) {
            Y.setRelease(this, 1);
            r.r2 = (int) X.getAcquire(this);
        }
    }

    @JCStressTest
    @Description("Volatile store buffering: one total order of volatile accesses forbids (0, 0).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "0, 0", expect = FORBIDDEN,  desc = "Both reads missed the other's write: breaks the total order.")
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

    @JCStressTest
    @Description("Plain store buffering with VarHandle.fullFence() between store and load forbids (0, 0).")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html#fullFence()")
    @Outcome(id = "0, 0", expect = FORBIDDEN,  desc = "Both reads missed the other's write: the fence failed.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "actor1 ran first.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "actor2 ran first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The actors interleaved.")
    @State
    public static class FullFence {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            VarHandle.fullFence();
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            VarHandle.fullFence();
            r.r2 = x;
        }
    }
}
