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
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_06_Tickets {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_06_Tickets
     */

    /* ----------------------------------------------------------------------------------------
        Counters are often used for what they *return*: order numbers, sequence ids, slots in
        an array. Then a lost update is worse than a wrong total: two threads get the same
        ticket. Each actor here takes a ticket (result r1, r2); the arbiter reads the final
        count (r3).

        Atomic: AtomicInteger.incrementAndGet(). Each call is one atomic read-modify-write
        returning the value it wrote. The two calls are ordered (JLS 17.4.4 synchronization
        order); the later one reads the earlier one's write. So the tickets are 1 and 2 in one
        order or the other, and the count is 2. Equal tickets are FORBIDDEN.

        Racy: plain int, each actor returns ++v. The value of a prefix increment is the value
        it stored (JLS 15.15.1), computed from this thread's read, not read back. If both
        threads read 0 (Counter_01's lost update), both store 1 and both get ticket 1:
        "1, 1, 1" is ACCEPTABLE_INTERESTING. Both getting 2 is impossible: a thread returns 2
        only if it read the other's 1, and that other thread returns 1.

        A finer point of the JMM: distinct tickets with a final count of 1 ("1, 2, 1",
        "2, 1, 1") are allowed too. The thread with ticket 2 read the other's write of 1 and
        wrote 2, but plain writes by different threads have no order the arbiter must respect:
        both writes happen-before its read and neither happens-before the other, so it may see
        either (JLS 17.4.5). Only volatile and atomic accesses get one total order (17.4.4).
        x86 keeps one order of writes per memory location (cache coherence), so it is not
        expected here, and the run below shows none; the grade follows the JMM, not the CPU.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Atomic:
             RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            1, 1, 1           0    0.00%   Forbidden  Same ticket twice: incrementAndGet is atomic.
            1, 2, 2  10,016,265   56.27%  Acceptable  actor1 took ticket 1, actor2 ticket 2.
            2, 1, 2   7,783,107   43.73%  Acceptable  actor2 took ticket 1, actor1 ticket 2.

          Racy:
             RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
            1, 1, 1  8,911,691   37.42%  Interesting  Same ticket twice: both read 0, one update lost.
            1, 2, 1          0    0.00%  Interesting  Arbiter saw the older write: no write order for plain fie...
            1, 2, 2  8,317,349   34.93%   Acceptable  actor1 took ticket 1, actor2 ticket 2.
            2, 1, 1          0    0.00%  Interesting  Arbiter saw the older write: no write order for plain fie...
            2, 1, 2  6,585,811   27.65%   Acceptable  actor2 took ticket 1, actor1 ticket 2.
     */

    @JCStressTest
    @Description("Two incrementAndGet() calls always return distinct tickets.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#incrementAndGet()")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "1, 2, 2", expect = ACCEPTABLE, desc = "actor1 took ticket 1, actor2 ticket 2.")
    @Outcome(id = "2, 1, 2", expect = ACCEPTABLE, desc = "actor2 took ticket 1, actor1 ticket 2.")
    @Outcome(id = "1, 1, 1", expect = FORBIDDEN,  desc = "Same ticket twice: incrementAndGet is atomic.")
    @Outcome(                expect = FORBIDDEN,  desc = "Impossible: tickets 1 and 2, final count 2.")
    @State
    public static class Atomic {
        final AtomicInteger v = new AtomicInteger();

        @Actor
        public void actor1(III_Result r) {
            r.r1 = v.incrementAndGet();
        }

        @Actor
        public void actor2(III_Result r) {
            r.r2 = v.incrementAndGet();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = v.get();
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Two racy ++v on a plain int can return the same ticket.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-15.html#jls-15.15.1")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Outcome(id = "1, 2, 2", expect = ACCEPTABLE,             desc = "actor1 took ticket 1, actor2 ticket 2.")
    @Outcome(id = "2, 1, 2", expect = ACCEPTABLE,             desc = "actor2 took ticket 1, actor1 ticket 2.")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE_INTERESTING, desc = "Same ticket twice: both read 0, one update lost.")
    @Outcome(id = "1, 2, 1", expect = ACCEPTABLE_INTERESTING, desc = "Arbiter saw the older write: no write order for plain fields.")
    @Outcome(id = "2, 1, 1", expect = ACCEPTABLE_INTERESTING, desc = "Arbiter saw the older write: no write order for plain fields.")
    @Outcome(                expect = FORBIDDEN,              desc = "Impossible: a ticket is what its thread stored.")
    @State
    public static class Racy {
        int v;

        @Actor
        public void actor1(III_Result r) {
            r.r1 = ++v;
        }

        @Actor
        public void actor2(III_Result r) {
            r.r2 = ++v;
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r3 = v;
        }
    }
}
