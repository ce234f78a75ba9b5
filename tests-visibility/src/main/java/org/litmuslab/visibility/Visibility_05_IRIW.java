package org.litmuslab.visibility;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.litmuslab.visibility.shared.Handles;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_05_IRIW {
    /*
        How to run (needs a machine with at least 4 CPUs):
            java -jar tests-visibility/target/jcstress.jar -t Visibility_05_IRIW
     */

    /* ----------------------------------------------------------------------------------------
        Independent reads of independent writes: two threads each write one variable (x = 1,
        y = 1); two other threads read both, in opposite orders. Outcome (r1, r2, r3, r4) =
        (1, 0, 1, 0) means the first reader saw x written before y, and the second saw y
        written before x: the two readers disagree about the order of two writes.

        Plain: allowed. Without happens-before edges (JLS 17.4.5) each read independently may
        see the initial value or the write, and nothing makes the readers agree on an order.
        x86 cannot disagree in hardware: its stores become visible to all other cores at once
        ("multi-copy atomic"), so on x86 only a JIT reordering of a reader's two loads could
        produce it. POWER can produce it in hardware.

        Opaque: still allowed. Opaque gives coherence per variable (VarHandle javadoc, "Access
        modes"), which says nothing about the order of writes to two different variables. On
        x86 neither the hardware nor C2 (which keeps opaque accesses in program order) can
        produce it; POWER can.

        Volatile: FORBIDDEN. All volatile accesses lie in one total synchronization order
        (JLS 17.4.4); both readers see the writes in that one order. This is the case where
        even acquire/release would not be enough: it takes the total order of volatile.

        This machine has 2 CPUs. jcstress skips a test with more actors than CPUs ("no
        scheduling is possible"), so this lesson never ran here and has no result table. Run
        it on a machine with 4 or more CPUs to see what your hardware does.

        Related: Visibility_01_StoreBuffering, Visibility_04_Coherence.
     */

    @JCStressTest
    @Description("Plain IRIW: two readers may see two independent writes in opposite orders.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "1, 0, 1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Readers disagree on the order of the writes.")
    @Outcome(id = {"0, 0, 0, 0", "0, 0, 0, 1", "0, 0, 1, 0", "0, 0, 1, 1", "0, 1, 0, 0", "0, 1, 0, 1", "0, 1, 1, 0",
            "0, 1, 1, 1", "1, 0, 0, 0", "1, 0, 0, 1", "1, 0, 1, 1", "1, 1, 0, 0", "1, 1, 0, 1", "1, 1, 1, 0",
            "1, 1, 1, 1"},    expect = ACCEPTABLE,             desc = "Consistent with one order of the two writes.")
    @State
    public static class Plain {
        int x;
        int y;

        @Actor
        public void writerX() {
            x = 1;
        }

        @Actor
        public void writerY() {
            y = 1;
        }

        @Actor
        public void readerXY(IIII_Result r) {
            r.r1 = x;
            r.r2 = y;
        }

        @Actor
        public void readerYX(IIII_Result r) {
            r.r3 = y;
            r.r4 = x;
        }
    }

    @JCStressTest
    @Description("Opaque IRIW: per-variable coherence does not make readers agree on two variables.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Outcome(id = "1, 0, 1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Readers disagree on the order of the writes.")
    @Outcome(id = {"0, 0, 0, 0", "0, 0, 0, 1", "0, 0, 1, 0", "0, 0, 1, 1", "0, 1, 0, 0", "0, 1, 0, 1", "0, 1, 1, 0",
            "0, 1, 1, 1", "1, 0, 0, 0", "1, 0, 0, 1", "1, 0, 1, 1", "1, 1, 0, 0", "1, 1, 0, 1", "1, 1, 1, 0",
            "1, 1, 1, 1"},    expect = ACCEPTABLE,             desc = "Consistent with one order of the two writes.")
    @State
    public static class Opaque {
        static final VarHandle X = Handles.field(MethodHandles.lookup(), "x", int.class);
        static final VarHandle Y = Handles.field(MethodHandles.lookup(), "y", int.class);
        int x;
        int y;

        @Actor
        public void writerX() {
            X.setOpaque(this, 1);
        }

        @Actor
        public void writerY() {
            Y.setOpaque(this, 1);
        }

        @Actor
        public void readerXY(IIII_Result r) {
            r.r1 = (int) X.getOpaque(this);
            r.r2 = (int) Y.getOpaque(this);
        }

        @Actor
        public void readerYX(IIII_Result r) {
            r.r3 = (int) Y.getOpaque(this);
            r.r4 = (int) X.getOpaque(this);
        }
    }

    @JCStressTest
    @Description("Volatile IRIW: one total synchronization order makes both readers agree.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "1, 0, 1, 0", expect = FORBIDDEN,  desc = "Readers disagree on the write order: breaks the total order.")
    @Outcome(id = {"0, 0, 0, 0", "0, 0, 0, 1", "0, 0, 1, 0", "0, 0, 1, 1", "0, 1, 0, 0", "0, 1, 0, 1", "0, 1, 1, 0",
            "0, 1, 1, 1", "1, 0, 0, 0", "1, 0, 0, 1", "1, 0, 1, 1", "1, 1, 0, 0", "1, 1, 0, 1", "1, 1, 1, 0",
            "1, 1, 1, 1"},    expect = ACCEPTABLE, desc = "Consistent with one order of the two writes.")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void writerX() {
            x = 1;
        }

        @Actor
        public void writerY() {
            y = 1;
        }

        @Actor
        public void readerXY(IIII_Result r) {
            r.r1 = x;
            r.r2 = y;
        }

        @Actor
        public void readerYX(IIII_Result r) {
            r.r3 = y;
            r.r4 = x;
        }
    }
}
