package org.litmuslab.counter;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_02_Skeleton {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_02_Skeleton
     */

    /* ----------------------------------------------------------------------------------------
        TODO: the explanation, in plain words: what the code does, which outcome matters and
        why the Java Memory Model allows or forbids it (cite JLS 17.x), what hardware or JIT
        makes it visible, and the related lessons.

        TODO: the result table of a real run on this machine, as jcstress prints it, e.g.
        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -t Counter_02_Skeleton:
          RESULT  SAMPLES  FREQ  EXPECT  DESCRIPTION
     */

    /*
        TODO: grade every outcome this variant can produce, one @Outcome each: ACCEPTABLE,
        ACCEPTABLE_INTERESTING (the JMM allows it, and it is the surprise) or FORBIDDEN (the
        JMM rules it out). Until you do, every result is FORBIDDEN and a run of this lesson
        fails, on purpose. Then add the fixed variant as another nested class.
     */
    @JCStressTest
    @Description("TODO: one line on what this variant shows.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html") // TODO: the section or javadoc that decides
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "TODO: what this result means; grade it.")
    @Outcome(             expect = FORBIDDEN, desc = "TODO: why no other result can occur; keep it FORBIDDEN.")
    @State
    public static class Racy {
        // TODO: the shared state, e.g. int x;

        @Actor
        public void actor1(II_Result r) {
            // TODO: actor1's accesses; record what it reads in r.r1
        }

        @Actor
        public void actor2(II_Result r) {
            // TODO: actor2's accesses; record what it reads in r.r2
        }
    }
}
