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

public class Visibility_04_Coherence {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_04_Coherence
     */

    /* ----------------------------------------------------------------------------------------
        Coherence, read-read: one thread writes a = 1; another reads a twice. Can the second
        read return an *older* value than the first, (1, 0)? Most CPUs say no: every variable
        has one order of writes that all threads agree on.

        Plain: the JMM has no such rule for plain fields. Each read only has to see some write
        it is allowed to see by happens-before consistency (JLS 17.4.5, 17.4.7), and both the
        initial 0 and the racing 1 qualify for each read independently. (1, 0) is allowed.
        x86 hardware is coherent, so only the JIT can produce it, by performing the second
        load first; the run below shows it on x86 in forks where C2 had compiled the reader.

        The trap: written naively (r1 = h.a; r2 = h.a), C2 sees two loads of one field with
        nothing between them and merges them into one, so (1, 0) and (0, 1) cannot show at
        all and the test teaches nothing. Here the reader reaches the object through two
        fields h1 and h2 that hold the same reference: the JIT does not prove h1 == h2, so it
        keeps two loads and may schedule them in either order. The writes to h1.trap and
        h2.trap make the null checks happen up front, so the loads themselves are free to
        move.

        Opaque: opaque accesses are "coherently ordered with respect to accesses to the same
        variable" (VarHandle javadoc, "Access modes"): once a thread has read 1, its later
        opaque reads of that variable cannot go back to 0. (1, 0) is FORBIDDEN.

        Volatile: all volatile accesses are in one total synchronization order consistent
        with program order, and each read sees the last write before it in that order (JLS
        17.4.4, 17.4.7). (1, 0) is FORBIDDEN.

        Related: Visibility_05_IRIW (coherence across two variables and four threads).

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Plain [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  53,239,221   49.56%   Acceptable  Both reads before the write.
            0, 1     113,427    0.11%   Acceptable  The write landed between the reads.
            1, 0       4,131   <0.01%  Interesting  Second read saw an older value than the first.
            1, 1  54,073,990   50.33%   Acceptable  Both reads after the write.

        Opaque [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  17,789,600   49.79%  Acceptable  Both reads before the write.
            0, 1      42,406    0.12%  Acceptable  The write landed between the reads.
            1, 0           0    0.00%   Forbidden  Second read saw an older value: violates coherence.
            1, 1  17,898,582   50.09%  Acceptable  Both reads after the write.

        Volatile [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  23,301,437   69.66%  Acceptable  Both reads before the write.
            0, 1      13,515    0.04%  Acceptable  The write landed between the reads.
            1, 0           0    0.00%   Forbidden  Second read saw an older value: breaks the total order.
            1, 1  10,133,959   30.30%  Acceptable  Both reads after the write.
     */

    /** The shared object; reached through two references so the JIT cannot merge the reads. */
    static class Holder {
        int a;
        volatile int va;
        int trap;
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Plain read-read coherence: a second read of one field may see an older value.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,             desc = "Both reads before the write.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "The write landed between the reads.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Second read saw an older value than the first.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "Both reads after the write.")
    @State
    public static class Plain {
        final Holder h1 = new Holder();
        final Holder h2 = h1;

        @Actor
        public void writer() {
            h1.a = 1;
        }

        @Actor
        public void reader(II_Result r) {
            Holder h1 = this.h1;
            Holder h2 = this.h2;
            h1.trap = 0;
            h2.trap = 0;
            r.r1 = h1.a;
            r.r2 = h2.a;
        }
    }

    @JCStressTest
    @Description("Opaque read-read coherence: a later opaque read never sees an older value.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Both reads before the write.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The write landed between the reads.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Second read saw an older value: violates coherence.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both reads after the write.")
    @State
    public static class Opaque {
        static final VarHandle A = Handles.field(MethodHandles.lookup(), Holder.class, "a", int.class);
        final Holder h1 = new Holder();
        final Holder h2 = h1;

        @Actor
        public void writer() {
            A.setOpaque(h1, 1);
        }

        @Actor
        public void reader(II_Result r) {
            Holder h1 = this.h1;
            Holder h2 = this.h2;
            h1.trap = 0;
            h2.trap = 0;
            r.r1 = (int) A.getOpaque(h1);
            r.r2 = (int) A.getOpaque(h2);
        }
    }

    @JCStressTest
    @Description("Volatile read-read coherence: a later volatile read never sees an older value.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Both reads before the write.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The write landed between the reads.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Second read saw an older value: breaks the total order.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both reads after the write.")
    @State
    public static class Volatile {
        final Holder h1 = new Holder();
        final Holder h2 = h1;

        @Actor
        public void writer() {
            h1.va = 1;
        }

        @Actor
        public void reader(II_Result r) {
            Holder h1 = this.h1;
            Holder h2 = this.h2;
            h1.trap = 0;
            h2.trap = 0;
            r.r1 = h1.va;
            r.r2 = h2.va;
        }
    }
}
