package org.litmuslab.counter;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

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
        A teaching note on the test most people write first.

        The seed-style test, as tutorials show it (often in Python) and as
        org.litmuslab.counter.stress.SeedStyleRacy ports it: a shared counter, 100 threads each
        adding one 1000 times, start them all, join them all, check the total is 100000. Its
        locked twin, SeedStyleLocked, puts each increment inside synchronized and prints 100000.
        The conclusion drawn: the race loses updates, the lock fixes it.

        What one run of it tells you on the JVM:
          - Starting a thread costs tens of microseconds or more: an OS thread is created (in
            the bench below one trial of 100 threads takes 15-30 ms). One thread's 1000
            increments take a few microseconds interpreted, far less once the JIT has compiled
            the loop. So the threads mostly run one after another: thread 37 is
            done before thread 38 starts. A lost update needs two threads inside the loop at the
            same moment, and this shape seldom arranges that.
          - Compiled by C2, the loop keeps v in a register: one load, +1000, one store (the
            folding Counter_01's RacyTwice shows for two increments). The window in which
            another thread's write can be lost shrinks to that load-store pair, and when it is
            hit, a whole 1000 is lost at once.
          - A trial costs 100 thread starts and joins, milliseconds, and gives one yes/no
            answer. Most trials of the racy version pass. So a passing locked version is no
            evidence that the lock is what made it pass; the racy one passes too.

        What a litmus test does instead (Counter_01_LostUpdate.Racy): two actor threads,
        started once and pinned to two CPUs, walk the same array of fresh state objects in
        small strides and wait for each other at the start of each stride, so their calls on
        one object happen within nanoseconds of each other. Each state object is one trial,
        millions a second, and every outcome is counted and graded by what the JMM allows,
        not by one assert. The two variants below put the seed-style loop into that harness:
        lost updates show in about 5% of the samples, and their shape shows what the JIT did:
        mostly exactly 1000 lost (one folded loop overwritten by the other), now and then part
        of a loop or more than one loop (loops running interpreted or C1-compiled, whose
        increments interleave one by one; totals down to 2 are allowed). The locked loop never
        loses one.

        `litmus bench detection` measures the difference: for the same wall time, how many
        lost updates the litmus test catches per second against how many wrong totals the
        seed-style test catches per second.

        Measured on x86_64, JDK 17.0.15, 2 CPUs shared with other jobs (load average 7-9),
        java -jar tools/cli/target/litmus.jar bench detection --seconds 10, run twice:

            litmus: 48,277,542 samples, 18,490,065 lost updates, 19.8 s wall (2 JVM configurations x 5000 ms sampling, jcstress start-up included)
            seed-style: 100 threads x 1000 increments: 1,164 trials in 19.8 s, 1 with a wrong total (1,000 increments lost in all)
            seed-style locked: 657 trials in 19.8 s, 0 with a wrong total: the locked version never failed
          seed-style: 0.0505 detections/s
          litmus: 933,569 detections/s
          ratio litmus/seed-style: 18,496,097

            litmus: 118,626,342 samples, 15,486,014 lost updates, 19.7 s wall (2 JVM configurations x 5000 ms sampling, jcstress start-up included)
            seed-style: 100 threads x 1000 increments: 1,068 trials in 19.7 s, 5 with a wrong total (5,000 increments lost in all)
            seed-style locked: 1,382 trials in 19.7 s, 0 with a wrong total: the locked version never failed
          seed-style: 0.254 detections/s
          litmus: 785,395 detections/s
          ratio litmus/seed-style: 3,097,234

        Per second of wall time the litmus test caught 0.8-0.9 million lost updates, the
        seed-style test 0.05-0.25 wrong totals: a ratio of 3 to 18 million. The seed-style
        figure rests on 1 and 5 detections, so it is noisy; the order of magnitude is not. Its
        failures lost 1000 increments each on average, the size of one loop overwritten whole
        (the folding described above). Run again and again in one JVM, as here, the stress
        program is compiled and warm; as a fresh program it runs mostly interpreted, and on
        this machine 1 of 8 fresh runs of SeedStyleRacy printed a wrong total.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -t Counter_09_SeedStyle -m quick -v:

          Racy:
                    RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                1-999-lost      14,313    0.08%  Interesting  Part of a loop lost: the loops interleaved.
                 1000-lost     864,533    5.05%  Interesting  A whole loop lost: C2 folded it into v += 1000.
            1001-1998-lost         124   <0.01%  Interesting  More than a loop lost: total 2..999 (2 is the JMM minimum).
                 none-lost  16,231,628   94.86%   Acceptable  All 2000 increments seen.

          Locked:
                    RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                1-999-lost          0    0.00%   Forbidden  Part of a loop lost: every increment holds the one lock.
                 1000-lost          0    0.00%   Forbidden  A whole loop lost: every increment holds the one lock.
            1001-1998-lost          0    0.00%   Forbidden  More than a loop lost: every increment holds the one lock.
                 none-lost  2,384,686  100.00%  Acceptable  All 2000 increments seen.
     */

    /** Increments per actor, as in the seed-style program's loop. */
    static final int INCREMENTS = 1000;

    /** The total in words: how many of the 2 x 1000 increments were lost. */
    static String verdict(int total) {
        int lost = 2 * INCREMENTS - total;
        if (lost == 0) {
            return "none-lost";
        } else if (lost == INCREMENTS) {
            return "1000-lost";
        } else if (lost > 0 && lost < INCREMENTS) {
            return "1-999-lost";
        } else if (lost > INCREMENTS && lost <= 2 * INCREMENTS - 2) {
            return "1001-1998-lost";
        }
        return "total-" + total;
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("The seed-style loop as a litmus test: 1000 plain v++ per thread lose updates.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4")
    @Outcome(id = "none-lost",      expect = ACCEPTABLE,             desc = "All 2000 increments seen.")
    @Outcome(id = "1000-lost",      expect = ACCEPTABLE_INTERESTING, desc = "A whole loop lost: C2 folded it into v += 1000.")
    @Outcome(id = "1-999-lost",     expect = ACCEPTABLE_INTERESTING, desc = "Part of a loop lost: the loops interleaved.")
    @Outcome(id = "1001-1998-lost", expect = ACCEPTABLE_INTERESTING, desc = "More than a loop lost: total 2..999 (2 is the JMM minimum).")
    @Outcome(                       expect = FORBIDDEN,              desc = "Impossible total: below 2 or above 2000.")
    @State
    public static class Racy {
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
        public void arbiter(L_Result r) {
            r.r1 = verdict(v);
        }
    }

    @JCStressTest
    @Description("The seed-style locked loop as a litmus test: 1000 synchronized v++ per thread lose nothing.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "none-lost",      expect = ACCEPTABLE, desc = "All 2000 increments seen.")
    @Outcome(id = "1000-lost",      expect = FORBIDDEN,  desc = "A whole loop lost: every increment holds the one lock.")
    @Outcome(id = "1-999-lost",     expect = FORBIDDEN,  desc = "Part of a loop lost: every increment holds the one lock.")
    @Outcome(id = "1001-1998-lost", expect = FORBIDDEN,  desc = "More than a loop lost: every increment holds the one lock.")
    @Outcome(                       expect = FORBIDDEN,  desc = "Impossible total: below 2 or above 2000.")
    @State
    public static class Locked {
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
        public void arbiter(L_Result r) {
            r.r1 = verdict(v);
        }
    }
}
