package org.litmuslab.counter;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_02_VolatileIncrement {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_02_VolatileIncrement
     */

    /* ----------------------------------------------------------------------------------------
        Racy: the field is volatile now, and v++ still loses updates.

        volatile makes each read and each write of v a synchronization action (JLS 8.3.1.4,
        17.4.2). All synchronization actions fall in one total order, consistent with each
        thread's program order, and a volatile read sees the last volatile write before it in
        that order (JLS 17.4.4). Nothing makes a thread's read and its following write adjacent
        in that order: read(A)=0, read(B)=0, write(A)=1, write(B)=1 is a valid synchronization
        order. So 1 is ACCEPTABLE_INTERESTING, exactly as for a plain int (Counter_01).

        On x86, C2 compiles the volatile read to a plain load and the volatile write to a store
        followed by a full fence (a lock-prefixed add to the stack). The fence orders this
        thread's store before its later loads; it does not stop the other core from loading v
        between our load and our store. An atomic increment needs one locked read-modify-write
        instruction (lock xadd), which is what AtomicInteger and VarHandle.getAndAdd use
        (Counter_05).

        SingleWriter: where volatile *is* the right tool. Only actor1 increments; actor2 reads
        the counter twice. With one writer there is no read-modify-write race, so the final
        count is exactly 1. And because every access is volatile, the reader can never see the
        count go backwards: if its first read saw the write, the write is before that read in
        the synchronization order, hence before the second read too, which must see it as well
        (JLS 17.4.4). "1, 0" is FORBIDDEN. With a plain field the JMM would allow "1, 0" (two
        plain reads of a racy field may each see either write, JLS 17.4.5); this is the
        single-writer counter pattern: one thread counts, many read, no locks.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Racy:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1   1,943,593   11.79%  Interesting  One update lost: both volatile reads came before both wri...
                 2  14,536,825   88.21%   Acceptable  Both updates seen.

          SingleWriter:
             RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0, 1  13,292,178   61.93%  Acceptable  Both reads came before the increment.
            0, 1, 1       1,984   <0.01%  Acceptable  The increment fell between the two reads.
            1, 0, 1           0    0.00%   Forbidden  The count went backwards: violates the synchronization or...
            1, 1, 1   8,170,303   38.06%  Acceptable  Both reads came after the increment.
     */

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("volatile int v++ from two threads still loses an update: volatile is not atomic.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-8.html#jls-8.3.1.4")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both volatile reads came before both writes.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class Racy {
        volatile int v;

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
    @Description("One writer, one volatile reader: the count is exact and never seen going backwards.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "Both reads came before the increment.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "The increment fell between the two reads.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Both reads came after the increment.")
    @Outcome(id = "1, 0, 1", expect = FORBIDDEN,  desc = "The count went backwards: violates the synchronization order.")
    @Outcome(                expect = FORBIDDEN,  desc = "Impossible: one writer, one increment; the final count is 1.")
    @State
    public static class SingleWriter {
        volatile int v;

        @Actor
        public void writer() {
            v++;
        }

        @Actor
        public void reader(III_Result r) {
            r.r1 = v;
            r.r2 = v;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = v;
        }
    }
}
