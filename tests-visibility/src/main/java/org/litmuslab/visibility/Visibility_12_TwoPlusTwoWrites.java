package org.litmuslab.visibility;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_12_TwoPlusTwoWrites {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_12_TwoPlusTwoWrites
     */

    /* ----------------------------------------------------------------------------------------
        2+2W: two writers each write both variables, in opposite orders:
            actor1: x = 1; y = 2;        actor2: y = 1; x = 2;
        When both are done, the arbiter reads the final (x, y). This is a question about the
        final state, so the arbiter is the right observer: it runs after both actors and sees
        every write.

        (1, 1) means actor1's x = 1 was the last write to x and actor2's y = 1 the last write
        to y. In any interleaving that keeps each thread's order, that is impossible: if x = 1
        came after x = 2, then y = 1 (before x = 2) came before y = 2 (after x = 1), so y ends
        at 2. The other three outcomes each come from some interleaving.

        Plain: the two writes of each thread go to different variables and nothing orders
        them for anyone else (JLS 17.4.5), so each thread's pair may take effect in either
        order, and (1, 1) is allowed. x86 does not reorder stores in hardware (TSO), so there
        only the JIT swapping the two stores can show it, and one swapping thread is enough:
        the run below shows a few (1, 1) on x86, in forks where C2 had compiled an actor (with
        jcstress's -XX:+StressGCM/StressLCM scheduling). POWER and ARM may in hardware.

        Volatile: all four writes are in one total synchronization order consistent with
        program order (JLS 17.4.4), and the arbiter's reads, after joining both actors, see
        the last write of each variable in that order. The interleaving argument above then
        applies: (1, 1) is FORBIDDEN.

        On x86 the (1, 1) of Plain is rare and comes from C2 alone: it
        shows under -m quick, where jcstress varies the compilation of each actor and C2's
        scheduling, but not in the teach preset's single configuration (three teach runs here
        showed none), so the variant carries no @ObservedOn claim.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Plain [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            1, 1          35   <0.01%  Interesting  Both variables kept their first-written value.
            1, 2  27,458,416   46.62%   Acceptable  actor2 finished first.
            2, 1  31,336,740   53.21%   Acceptable  actor1 finished first.
            2, 2      97,204    0.17%   Acceptable  The writers interleaved.

        Volatile [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            1, 1           0    0.00%   Forbidden  Both kept their first-written value: breaks the total order.
            1, 2  10,773,093   48.71%  Acceptable  actor2 finished first.
            2, 1  10,581,865   47.85%  Acceptable  actor1 finished first.
            2, 2     760,642    3.44%  Acceptable  The writers interleaved.
     */

    @JCStressTest
    @Description("Plain 2+2W: each writer's two stores may take effect in either order.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "1, 2", expect = ACCEPTABLE,             desc = "actor2 finished first.")
    @Outcome(id = "2, 1", expect = ACCEPTABLE,             desc = "actor1 finished first.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE,             desc = "The writers interleaved.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "Both variables kept their first-written value.")
    @Outcome(             expect = FORBIDDEN,              desc = "Impossible: the arbiter sees both writers' stores.")
    @State
    public static class Plain {
        int x;
        int y;

        @Actor
        public void actor1() {
            x = 1;
            y = 2;
        }

        @Actor
        public void actor2() {
            y = 1;
            x = 2;
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = x;
            r.r2 = y;
        }
    }

    @JCStressTest
    @Description("Volatile 2+2W: the synchronization order forbids (1, 1).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "actor2 finished first.")
    @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "actor1 finished first.")
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The writers interleaved.")
    @Outcome(id = "1, 1", expect = FORBIDDEN,  desc = "Both kept their first-written value: breaks the total order.")
    @Outcome(             expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writers' stores.")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void actor1() {
            x = 1;
            y = 2;
        }

        @Actor
        public void actor2() {
            y = 1;
            x = 2;
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = x;
            r.r2 = y;
        }
    }
}
