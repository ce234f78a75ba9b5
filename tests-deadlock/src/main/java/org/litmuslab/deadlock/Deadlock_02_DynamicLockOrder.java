package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantLock;

import org.litmuslab.annotations.ObservedOn;
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

public class Deadlock_02_DynamicLockOrder {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_02_DynamicLockOrder
     */

    /* ----------------------------------------------------------------------------------------
        Deadlock_01 with the locks chosen at run time: transfer(from, to) locks `from`, then
        `to`. Every call site looks innocent, yet transfer(a, b) running at the same time as
        transfer(b, a) takes the same two locks in opposite orders. The lock order is decided
        by the callers' arguments, so no reading of transfer() alone can rule the deadlock out.

        As in Deadlock_01, the second lock is only tried (shared.LockPair), so the deadlock
        shows as the outcome "deadlock" instead of hanging jcstress; "actorN-blocked" means
        one transfer backed off and the other went through. The arbiter also checks that
        money is conserved: each transfer moves 10 under both locks, so any total other than
        200 would mean a lock failed to exclude. That is FORBIDDEN: a Lock gives mutual
        exclusion, and its "Memory Synchronization" contract (Lock javadoc) gives it the
        semantics of a monitor, so each unlock happens-before the next lock of the same lock
        (JLS 17.4.5) and the second transfer sees the first one's balances.

        The fix: a global order that does not depend on the call, i.e. a stable key per
        account (an account number, a database id). Both transfers lock the account with the
        smaller key first, so transfer(a, b) and transfer(b, a) take the locks in one order
        and "deadlock" is FORBIDDEN, as in Deadlock_01.Ordered.

        Keys can tie. Ordering by System.identityHashCode() (Java Concurrency in Practice,
        listing 10.3) ties whenever two objects hash alike; a business key ties when two
        objects stand for the same thing. With a tie the "ordered" code falls back to argument
        order, and the deadlock is back (EqualKeys). The tie-breaker: on equal keys, first take
        one more lock that serialises all tied transfers, then lock in argument order; two
        tied transfers can no longer both hold one account lock each. The tie lock here
        belongs to the trial's state object so trials stay independent; in a program it is
        one static lock (ties are rare, so its contention does not matter).

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        ArgumentOrder:
                  RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
          actor1-blocked     23,374    0.29%   Acceptable  transfer(a, b) backed off; transfer(b, a) went through.
          actor2-blocked     21,469    0.27%   Acceptable  transfer(b, a) backed off; transfer(a, b) went through.
                both-ran  7,934,167   99.06%   Acceptable  The transfers did not overlap.
                deadlock     30,104    0.38%  Interesting  Each held one account, wanted the other: lock() deadlocks.
              money-lost          0    0.00%    Forbidden  Impossible: balances change only under both locks.

        OrderedByKey:
                  RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
          actor1-blocked          0    0.00%   Forbidden  Impossible: whoever holds key 1's lock finds key 2's free.
          actor2-blocked          0    0.00%   Forbidden  Impossible: whoever holds key 1's lock finds key 2's free.
                both-ran  7,546,064  100.00%  Acceptable  Both transfers went through.
                deadlock          0    0.00%   Forbidden  Impossible: one global lock order.
              money-lost          0    0.00%   Forbidden  Impossible: balances change only under both locks.

        EqualKeys:
                  RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
          actor1-blocked    109,943    1.23%   Acceptable  transfer(a, b) backed off; transfer(b, a) went through.
          actor2-blocked    107,136    1.20%   Acceptable  transfer(b, a) backed off; transfer(a, b) went through.
                both-ran  8,507,925   95.49%   Acceptable  The transfers did not overlap.
                deadlock    184,862    2.07%  Interesting  Tied keys fell back to argument order: lock() deadlocks.
              money-lost          0    0.00%    Forbidden  Impossible: balances change only under both locks.

        EqualKeysTieBreaker:
                  RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
          actor1-blocked          0    0.00%   Forbidden  Impossible: the tie lock admits one tied transfer at a time.
          actor2-blocked          0    0.00%   Forbidden  Impossible: the tie lock admits one tied transfer at a time.
                both-ran  7,613,921  100.00%  Acceptable  Both transfers went through, one after the other.
                deadlock          0    0.00%   Forbidden  Impossible: the tie lock serialises tied transfers.
              money-lost          0    0.00%   Forbidden  Impossible: balances change only under both locks.

        Distinct keys in argument order deadlocked in 0.38% of the trials, tied keys without a
        tie-breaker in 2.07%: ordering by a key that can tie is no fix. Ordering by key and
        the tie-breaker: not one back-off in over 7 million trials each.
     */

    /** An account: a lock, a stable ordering key, a balance guarded by the lock. */
    public static final class Account {
        final ReentrantLock lock = new ReentrantLock();
        final int key;
        int balance = 100;

        Account(int key) {
            this.key = key;
        }
    }

    /** Two accounts and the results of the two concurrent transfers between them. */
    public static class Bank {
        final Account a;
        final Account b;
        final ReentrantLock tieLock = new ReentrantLock();
        boolean actor1Ran;
        boolean actor2Ran;

        Bank(int keyA, int keyB) {
            a = new Account(keyA);
            b = new Account(keyB);
        }

        static void move(Account from, Account to) {
            from.balance -= 10;
            to.balance += 10;
        }

        /** The naive transfer: locks in argument order. */
        static boolean transferInArgumentOrder(Account from, Account to) {
            return LockPair.lockThenTry(from.lock, to.lock, () -> move(from, to));
        }

        /** Locks the smaller key first; equal keys fall back to argument order. */
        static boolean transferByKey(Account from, Account to) {
            Account first = from.key <= to.key ? from : to;
            Account second = first == from ? to : from;
            return LockPair.lockThenTry(first.lock, second.lock, () -> move(from, to));
        }

        /** As transferByKey, but tied keys first take the tie-breaker lock. */
        boolean transferByKeyWithTieBreaker(Account from, Account to) {
            if (from.key != to.key) {
                return transferByKey(from, to);
            }
            // Bounded: whoever holds tieLock only runs lockThenTry, which never waits without bound.
            tieLock.lock();
            try {
                return transferInArgumentOrder(from, to);
            } finally {
                tieLock.unlock();
            }
        }

        void verdict(L_Result r) {
            r.r1 = a.balance + b.balance != 200 ? "money-lost" : LockPair.verdict(actor1Ran, actor2Ran);
        }
    }

    @JCStressTest
    @Description("transfer(a, b) and transfer(b, a) lock in argument order: they can deadlock.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/Lock.html")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE,             desc = "The transfers did not overlap.")
    @Outcome(id = "actor1-blocked", expect = ACCEPTABLE,             desc = "transfer(a, b) backed off; transfer(b, a) went through.")
    @Outcome(id = "actor2-blocked", expect = ACCEPTABLE,             desc = "transfer(b, a) backed off; transfer(a, b) went through.")
    @Outcome(id = "deadlock",       expect = ACCEPTABLE_INTERESTING, desc = "Each held one account, wanted the other: lock() deadlocks.")
    @Outcome(id = "money-lost",     expect = FORBIDDEN,              desc = "Impossible: balances change only under both locks.")
    @ObservedOn("x86_64")
    @State
    public static class ArgumentOrder extends Bank {
        public ArgumentOrder() {
            super(1, 2);
        }

        @Actor
        public void actor1() {
            actor1Ran = transferInArgumentOrder(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = transferInArgumentOrder(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }

    @JCStressTest
    @Description("transfer(a, b) and transfer(b, a) lock the smaller key first: no deadlock.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/Lock.html")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE, desc = "Both transfers went through.")
    @Outcome(id = "actor1-blocked", expect = FORBIDDEN,  desc = "Impossible: whoever holds key 1's lock finds key 2's free.")
    @Outcome(id = "actor2-blocked", expect = FORBIDDEN,  desc = "Impossible: whoever holds key 1's lock finds key 2's free.")
    @Outcome(id = "deadlock",       expect = FORBIDDEN,  desc = "Impossible: one global lock order.")
    @Outcome(id = "money-lost",     expect = FORBIDDEN,  desc = "Impossible: balances change only under both locks.")
    @State
    public static class OrderedByKey extends Bank {
        public OrderedByKey() {
            super(1, 2);
        }

        @Actor
        public void actor1() {
            actor1Ran = transferByKey(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = transferByKey(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }

    @JCStressTest
    @Description("Ordering by key without a tie-breaker: equal keys deadlock again.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/System.html#identityHashCode(java.lang.Object)")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE,             desc = "The transfers did not overlap.")
    @Outcome(id = "actor1-blocked", expect = ACCEPTABLE,             desc = "transfer(a, b) backed off; transfer(b, a) went through.")
    @Outcome(id = "actor2-blocked", expect = ACCEPTABLE,             desc = "transfer(b, a) backed off; transfer(a, b) went through.")
    @Outcome(id = "deadlock",       expect = ACCEPTABLE_INTERESTING, desc = "Tied keys fell back to argument order: lock() deadlocks.")
    @Outcome(id = "money-lost",     expect = FORBIDDEN,              desc = "Impossible: balances change only under both locks.")
    @ObservedOn("x86_64")
    @State
    public static class EqualKeys extends Bank {
        public EqualKeys() {
            super(7, 7);
        }

        @Actor
        public void actor1() {
            actor1Ran = transferByKey(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = transferByKey(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }

    @JCStressTest
    @Description("Equal keys take a tie-breaker lock first: no deadlock.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/Lock.html")
    @Outcome(id = "both-ran",       expect = ACCEPTABLE, desc = "Both transfers went through, one after the other.")
    @Outcome(id = "actor1-blocked", expect = FORBIDDEN,  desc = "Impossible: the tie lock admits one tied transfer at a time.")
    @Outcome(id = "actor2-blocked", expect = FORBIDDEN,  desc = "Impossible: the tie lock admits one tied transfer at a time.")
    @Outcome(id = "deadlock",       expect = FORBIDDEN,  desc = "Impossible: the tie lock serialises tied transfers.")
    @Outcome(id = "money-lost",     expect = FORBIDDEN,  desc = "Impossible: balances change only under both locks.")
    @State
    public static class EqualKeysTieBreaker extends Bank {
        public EqualKeysTieBreaker() {
            super(7, 7);
        }

        @Actor
        public void actor1() {
            actor1Ran = transferByKeyWithTieBreaker(a, b);
        }

        @Actor
        public void actor2() {
            actor2Ran = transferByKeyWithTieBreaker(b, a);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            verdict(r);
        }
    }
}
