package org.litmuslab.counter;

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

public class Counter_09_SeedStyle {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_09_SeedStyle
            java -cp tests-counter/target/jcstress.jar org.litmuslab.counter.stress.SeedStyleRacy
            java -cp tests-counter/target/jcstress.jar org.litmuslab.counter.stress.SeedStyleLocked
            java -jar tools/cli/target/litmus.jar bench detection --seconds 10
     */

    /* ----------------------------------------------------------------------------------------
        A teaching note on the test most people write first (SEED_STYLE_NOTE)
     */

    @JCStressTest
    @Description("The seed-style loop as a litmus test: 1000 plain v++ per thread lose updates.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Outcome(id = "2000", expect = ACCEPTABLE, desc = "All 2000 updates seen.")
    @Outcome(id = "([2-9]|[1-9][0-9]{1,2}|1[0-9]{3})", expect = ACCEPTABLE_INTERESTING,
             desc = "Updates lost: any total from 2 to 1999 (2 is the JMM minimum).")
    @Outcome(expect = FORBIDDEN, desc = "Impossible: each thread's last write is at least 2.")
    @State
    public static class Racy {
        static final int INCREMENTS = 1000;
        int v;

        void increment() {
            for (int i = 0; i < INCREMENTS; i++) {
                v++;
            }
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("The seed-style locked loop as a litmus test: 1000 synchronized v++ per thread lose nothing.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "2000", expect = ACCEPTABLE, desc = "All 2000 updates seen.")
    @Outcome(expect = FORBIDDEN, desc = "Updates lost: every increment holds the one lock.")
    @State
    public static class Locked {
        static final int INCREMENTS = 1000;
        final Object lock = new Object();
        int v;

        void increment() {
            for (int i = 0; i < INCREMENTS; i++) {
                synchronized (lock) {
                    v++;
                }
            }
        }

        @Actor
        public void actor1() {
            increment();
        }

        @Actor
        public void actor2() {
            increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }
}
