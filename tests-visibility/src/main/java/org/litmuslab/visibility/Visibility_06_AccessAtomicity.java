package org.litmuslab.visibility;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.BitSet;

import org.litmuslab.annotations.ObservedOn;
import org.litmuslab.visibility.shared.Handles;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.J_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_06_AccessAtomicity {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_06_AccessAtomicity
     */

    /* ----------------------------------------------------------------------------------------
        Two questions about the size of one memory access.

        1. Can a read see half of a write? One thread writes v = -1L (all 64 bits set) over
        the initial 0; another reads v. JLS 17.7 lets a JVM split a write to a non-volatile
        long or double into two 32-bit halves, so the reader may see 0x00000000_FFFFFFFF
        (4294967295) or 0xFFFFFFFF_00000000 (-4294967296): a value nobody wrote. The Plain
        variant grades those ACCEPTABLE_INTERESTING. x86_64 (a 64-bit JVM) writes a long with
        one 64-bit instruction, so x86_64 does not show it (nor did the run below); a 32-bit
        JVM on x86 or ARM may. double follows the same rule; the generated access-atomicity family covers
        every primitive type and mode.

        A volatile long is always read and written atomically (JLS 17.7), and so are all
        VarHandle accesses except plain get/set ("Opaque operations are bitwise atomic",
        VarHandle javadoc, "Access modes"): torn values are FORBIDDEN in those variants. Any
        value other than 0, -1 and the two halves is FORBIDDEN everywhere.

        2. Can writing one array element disturb its neighbour? Two threads write adjacent
        elements a[0] = 1 and a[1] = 1 of a byte[] (or boolean[]). JLS 17.6 forbids word
        tearing: every field and array element is a separate variable, and a JVM must not
        update one by writing back a whole word that contains the other. Once both threads are
        done the arbiter must see both writes; anything else is FORBIDDEN. (Using the arbiter
        is right here: this is a question about the final state, and the arbiter sees every
        actor's write.)

        java.util.BitSet is the opposite: its bits are packed into longs, and set(i) is a
        read-modify-write of the whole long (BitSet javadoc: not safe for multithreaded use
        without external synchronization). Two threads setting bits 0 and 1 both rewrite
        words[0], and one update may be lost: ACCEPTABLE_INTERESTING. This is a lost update,
        as in Counter_01_LostUpdate, not a memory-model subtlety, so x86 shows it readily.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        PlainLong [OK]:
               RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
                   -1  159,825,324   67.51%   Acceptable  Saw the whole write.
          -4294967296            0    0.00%  Interesting  Torn: saw only the high half of the write.
                    0   76,900,346   32.49%   Acceptable  Saw the initial value.
           4294967295            0    0.00%  Interesting  Torn: saw only the low half of the write.

        VolatileLong [OK]:
               RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                   -1  23,146,169   44.06%  Acceptable  Saw the whole write.
          -4294967296           0    0.00%   Forbidden  Torn: volatile long accesses are atomic.
                    0  29,390,134   55.94%  Acceptable  Saw the initial value.
           4294967295           0    0.00%   Forbidden  Torn: volatile long accesses are atomic.

        OpaqueLong [OK]:
               RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                   -1  31,671,746   56.24%  Acceptable  Saw the whole write.
          -4294967296           0    0.00%   Forbidden  Torn: opaque accesses are bitwise atomic.
                    0  24,644,796   43.76%  Acceptable  Saw the initial value.
           4294967295           0    0.00%   Forbidden  Torn: opaque accesses are bitwise atomic.

        ByteArray [OK]:
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
            1, 1  136,148,145  100.00%  Acceptable  Both writes survived.

        BooleanArray [OK]:
              RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
          true, true  27,627,630  100.00%  Acceptable  Both writes survived.

        RacyBitSet [OK]:
               RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
          false, true   9,341,728   18.53%  Interesting  Lost update: setting bit 0 was overwritten.
          true, false   4,326,212    8.58%  Interesting  Lost update: setting bit 1 was overwritten.
           true, true  36,747,823   72.89%   Acceptable  Both bits set.
     */

    @JCStressTest
    @Description("Plain long: JLS 17.7 allows a reader to see one 32-bit half of a write.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.7")
    @Outcome(id = "0",           expect = ACCEPTABLE,             desc = "Saw the initial value.")
    @Outcome(id = "-1",          expect = ACCEPTABLE,             desc = "Saw the whole write.")
    @Outcome(id = "4294967295",  expect = ACCEPTABLE_INTERESTING, desc = "Torn: saw only the low half of the write.")
    @Outcome(id = "-4294967296", expect = ACCEPTABLE_INTERESTING, desc = "Torn: saw only the high half of the write.")
    @Outcome(                    expect = FORBIDDEN,              desc = "A value made of neither write nor initial value.")
    @State
    public static class PlainLong {
        long v;

        @Actor
        public void writer() {
            v = -1L;
        }

        @Actor
        public void reader(J_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("Volatile long: JLS 17.7 makes reads and writes atomic, no torn values.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.7")
    @Outcome(id = "0",           expect = ACCEPTABLE, desc = "Saw the initial value.")
    @Outcome(id = "-1",          expect = ACCEPTABLE, desc = "Saw the whole write.")
    @Outcome(id = "4294967295",  expect = FORBIDDEN,  desc = "Torn: volatile long accesses are atomic.")
    @Outcome(id = "-4294967296", expect = FORBIDDEN,  desc = "Torn: volatile long accesses are atomic.")
    @Outcome(                    expect = FORBIDDEN,  desc = "A value made of neither write nor initial value.")
    @State
    public static class VolatileLong {
        volatile long v;

        @Actor
        public void writer() {
            v = -1L;
        }

        @Actor
        public void reader(J_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("Opaque long: VarHandle opaque accesses are bitwise atomic, no torn values.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Outcome(id = "0",           expect = ACCEPTABLE, desc = "Saw the initial value.")
    @Outcome(id = "-1",          expect = ACCEPTABLE, desc = "Saw the whole write.")
    @Outcome(id = "4294967295",  expect = FORBIDDEN,  desc = "Torn: opaque accesses are bitwise atomic.")
    @Outcome(id = "-4294967296", expect = FORBIDDEN,  desc = "Torn: opaque accesses are bitwise atomic.")
    @Outcome(                    expect = FORBIDDEN,  desc = "A value made of neither write nor initial value.")
    @State
    public static class OpaqueLong {
        static final VarHandle V = Handles.field(MethodHandles.lookup(), "v", long.class);
        long v;

        @Actor
        public void writer() {
            V.setOpaque(this, -1L);
        }

        @Actor
        public void reader(J_Result r) {
            r.r1 = (long) V.getOpaque(this);
        }
    }

    @JCStressTest
    @Description("Neighbouring byte[] elements written by two threads: no word tearing (JLS 17.6).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.6")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both writes survived.")
    @Outcome(             expect = FORBIDDEN,  desc = "Word tearing: one write clobbered its neighbour.")
    @State
    public static class ByteArray {
        final byte[] a = new byte[2];

        @Actor
        public void writer0() {
            a[0] = 1;
        }

        @Actor
        public void writer1() {
            a[1] = 1;
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = a[0];
            r.r2 = a[1];
        }
    }

    @JCStressTest
    @Description("Neighbouring boolean[] elements written by two threads: no word tearing (JLS 17.6).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.6")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Both writes survived.")
    @Outcome(                   expect = FORBIDDEN,  desc = "Word tearing: one write clobbered its neighbour.")
    @State
    public static class BooleanArray {
        final boolean[] a = new boolean[2];

        @Actor
        public void writer0() {
            a[0] = true;
        }

        @Actor
        public void writer1() {
            a[1] = true;
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            r.r1 = a[0];
            r.r2 = a[1];
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("java.util.BitSet packs bits into longs: two threads setting two bits may lose one.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/BitSet.html")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.6")
    @Outcome(id = "true, true",  expect = ACCEPTABLE,             desc = "Both bits set.")
    @Outcome(id = "true, false", expect = ACCEPTABLE_INTERESTING, desc = "Lost update: setting bit 1 was overwritten.")
    @Outcome(id = "false, true", expect = ACCEPTABLE_INTERESTING, desc = "Lost update: setting bit 0 was overwritten.")
    @Outcome(                    expect = FORBIDDEN,              desc = "Impossible: the last write keeps its own bit.")
    @State
    public static class RacyBitSet {
        final BitSet bits = new BitSet(2);

        @Actor
        public void setter0() {
            bits.set(0);
        }

        @Actor
        public void setter1() {
            bits.set(1);
        }

        @Arbiter
        public void arbiter(ZZ_Result r) {
            r.r1 = bits.get(0);
            r.r2 = bits.get(1);
        }
    }
}
