package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.deadlock.shared.LockPair;
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

public class Deadlock_08_DiningPhilosophers {
    /*
        How to run (needs a machine with at least 3 CPUs):
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_08_DiningPhilosophers
     */

    /* ----------------------------------------------------------------------------------------
        Three philosophers sit at a round table with one fork between each pair; philosopher i
        needs fork i (left) and fork (i + 1) % 3 (right). If every philosopher picks up the
        left fork first, all three can hold one fork and wait for the next: a deadlock cycle
        of length three -- the lock-order inversion of Deadlock_01 spread over more threads.

        Naive: each philosopher takes the left fork, then tries the right one with tryLock()
        (the cycle detection of Deadlock_01). "deadlock" -- nobody ate, every philosopher held
        one fork and found the next taken -- is the interleaving that deadlocks with blocking
        lock() calls: ACCEPTABLE_INTERESTING. "some-ate" means at least one philosopher backed
        off while another ate.

        Ordered: the resource-hierarchy fix (Dijkstra). Every philosopher takes the lower-
        numbered of its two forks first, so philosopher 2 takes fork 0 before fork 2. The
        cycle is broken: whoever holds fork 2 -- the highest -- holds it as a second fork and
        is eating. Some philosophers may still back off (a neighbour was eating), but never
        all three: "deadlock" is FORBIDDEN.

        Not run here: jcstress schedules one CPU per actor and skips a test with more actors
        than CPUs ("No scheduling is possible"); the machine this collection is built and
        checked on has 2 CPUs, so these variants have never run on it and no result table is
        shown. On a machine with 3 or more CPUs, -m quick runs them.
     */

    /** Three forks and which philosophers ate. */
    public static class Table {
        final ReentrantLock[] forks = {new ReentrantLock(), new ReentrantLock(), new ReentrantLock()};
        boolean ate0;
        boolean ate1;
        boolean ate2;

        /** Left fork first, then the right one. */
        boolean leftFirst(int i) {
            return LockPair.lockThenTry(forks[i], forks[(i + 1) % 3]);
        }

        /** Lower-numbered fork first. */
        boolean lowerFirst(int i) {
            int left = i;
            int right = (i + 1) % 3;
            return LockPair.lockThenTry(forks[Math.min(left, right)], forks[Math.max(left, right)]);
        }

        void verdict(L_Result r) {
            int eaters = (ate0 ? 1 : 0) + (ate1 ? 1 : 0) + (ate2 ? 1 : 0);
            r.r1 = eaters == 3 ? "all-ate" : eaters == 0 ? "deadlock" : "some-ate";
        }
    }

    @JCStressTest
    @Description("Three philosophers, left fork first: a three-way deadlock cycle.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "all-ate",  expect = ACCEPTABLE,             desc = "Nobody got in anyone's way.")
    @Outcome(id = "some-ate", expect = ACCEPTABLE,             desc = "Someone backed off while a neighbour ate.")
    @Outcome(id = "deadlock", expect = ACCEPTABLE_INTERESTING, desc = "Each held the left fork and found the right one taken.")
    @State
    public static class Naive extends Table {
        @Actor
        public void philosopher0() {
            ate0 = leftFirst(0);
        }

        @Actor
        public void philosopher1() {
            ate1 = leftFirst(1);
        }

        @Actor
        public void philosopher2() {
            ate2 = leftFirst(2);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }

    @JCStressTest
    @Description("Three philosophers, lower-numbered fork first: no deadlock cycle.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantLock.html#tryLock()")
    @Outcome(id = "all-ate",  expect = ACCEPTABLE, desc = "Nobody got in anyone's way.")
    @Outcome(id = "some-ate", expect = ACCEPTABLE, desc = "Someone backed off while a neighbour ate.")
    @Outcome(id = "deadlock", expect = FORBIDDEN,  desc = "Impossible: fork 2 is always a second fork; its holder eats.")
    @State
    public static class Ordered extends Table {
        @Actor
        public void philosopher0() {
            ate0 = lowerFirst(0);
        }

        @Actor
        public void philosopher1() {
            ate1 = lowerFirst(1);
        }

        @Actor
        public void philosopher2() {
            ate2 = lowerFirst(2);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }
}
