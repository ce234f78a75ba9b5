package org.litmuslab.deadlock;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Deadlock_07_Skeleton {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_07_Skeleton
     */

    /* ----------------------------------------------------------------------------------------
        TODO: the explanation, in plain words: what the code does, which outcome matters and
        why the Java Memory Model allows or forbids it (cite JLS 17.x), what hardware or JIT
        makes it visible, and the related lessons.

        TODO: the result table of a real run on this machine, as jcstress prints it, e.g.
        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -t Deadlock_07_Skeleton:
          RESULT  SAMPLES  FREQ  EXPECT  DESCRIPTION
     */

    /*
        TODO: grade every outcome this variant can produce, one @Outcome each: ACCEPTABLE,
        ACCEPTABLE_INTERESTING (the JMM allows it, and it is the surprise) or FORBIDDEN (the
        JMM rules it out). Until you do, every result is FORBIDDEN and a run of this lesson
        fails, on purpose. Then add the fixed variant as another nested class.
     */
    @JCStressTest(Mode.Termination)
    @Description("TODO: one line on what this variant shows.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html") // TODO: the section or javadoc that decides
    @Outcome(id = "TERMINATED", expect = FORBIDDEN, desc = "TODO: actor1 returned after the signal; grade it.")
    @Outcome(id = "STALE",      expect = FORBIDDEN, desc = "TODO: actor1 did not return after the signal; grade it.")
    @State
    public static class Broken {
        // TODO: the shared state, e.g. int x;

        @Actor
        public void actor1() {
            // TODO: the code that may never return, e.g. a loop spinning on a field
        }

        @Signal
        public void signal() {
            // TODO: what should make actor1 return, e.g. a write to the field it spins on
        }
    }
}
