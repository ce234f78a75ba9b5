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
        Racy: two threads each run v++ once on a shared int; the arbiter reads v after both are
        done.

        v++ is not one action. It is a read of v, an add, and a write of v (JLS 15.14.2). The
        Java Memory Model (JLS 17.4) makes no promise that the read and the write of one thread
        happen with nothing in between: both threads may read 0, both add one, both write 1.
        One update is lost and the arbiter sees 1. This needs no reordering at all; a plain
        interleaving of the two reads before the two writes is enough. On x86 it shows at once:
        the read and the write are separate machine instructions even after C2 compiles them.

        The arbiter runs after both actors (jcstress joins them first, so both writes happen
        before its read, JLS 17.4.5). It sees one of the two last writes: 1 or 2. Anything else
        would be a harness bug, hence the FORBIDDEN catch-all.

        RacyTwice: each thread runs v++; v++. By the JMM the total is 2, 3 or 4:
          - 4: no overlap.
          - 3: one increment lost. Needs the other thread's write to land *between* one
            thread's two increments: A reads 0, writes 1; B reads 1; A reads 1, writes 2;
            B writes 2, reads 2, writes 3.
          - 2: two lost. A reads 0; B runs both increments (v = 2); A writes 1, reads 1,
            writes 2.
          - never 1 or 0: a thread's second read cannot see the initial 0, which its own first
            write overwrote in happens-before order (program order, JLS 17.4.5); it sees that
            write or one of the other thread's, all at least 1. So each thread's last write is
            at least 2, and the arbiter sees one of the two last writes.
        What the JIT does: C2 sees load v, store v+1, load v, store v+2 on a field no lock or
        volatile protects. It drops the second load (it knows what it just stored) and the
        first store (overwritten before anyone is *required* to see it), leaving one load,
        add 2, one store: v += 2. The JMM allows this: JLS 17.4 lets an implementation produce
        any code as long as every result it gives is one the memory model allows for the
        source, and v += 2 only gives results of executions in which nothing fell between the
        two increments. A loop of N increments goes the same way: C2 keeps v in a register and
        stores once, v += N, so a whole loop's worth of updates is lost at once (Counter_09).
        With both actors folded only 4 and 2 remain; 3 needs at least one actor whose two
        increments stay apart, e.g. interpreted or C1-compiled code. That is why jcstress runs
        actors under several compilers (-m quick does). In the run below 2 shows in 22% of
        31.6 million samples and 3 only 51 times: the folded code is what mostly runs.

        Atomic: AtomicInteger.incrementAndGet() is one atomic read-modify-write (the
        java.util.concurrent.atomic package docs): the two increments cannot interleave, so 1
        is FORBIDDEN. Counter_04 and Counter_05 show the other fixes, Counter_02 why volatile
        is not one.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Racy:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1   4,585,251   19.40%  Interesting  One update lost: both threads read 0.
                 2  19,055,415   80.60%   Acceptable  Both updates seen.

          RacyTwice:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 2   6,883,148   21.76%  Interesting  Two updates lost: one thread's whole pair overwritten.
                 3          51   <0.01%  Interesting  One update lost: a write fell between one thread's two in...
                 4  24,748,179   78.24%   Acceptable  All four updates seen.

          Atomic:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: incrementAndGet is atomic.
                 2  13,668,622  100.00%  Acceptable  Both updates seen.
     */

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Plain int v++ from two threads loses an update.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-15.html#jls-15.14.2")
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
    @ObservedOn("x86_64")
    @Description("Plain int v++; v++ from two threads: totals 2, 3 and 4; C2 folds the pair into v += 2.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "4", expect = ACCEPTABLE,             desc = "All four updates seen.")
    @Outcome(id = "3", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: a write fell between one thread's two increments.")
    @Outcome(id = "2", expect = ACCEPTABLE_INTERESTING, desc = "Two updates lost: one thread's whole pair overwritten.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: each thread's last write is at least 2.")
    @State
    public static class RacyTwice {
        int v;

        @Actor
        public void actor1() {
            v++;
            v++;
        }

        @Actor
        public void actor2() {
            v++;
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
