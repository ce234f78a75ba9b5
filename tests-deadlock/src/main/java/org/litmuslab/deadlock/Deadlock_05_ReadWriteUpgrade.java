package org.litmuslab.deadlock;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

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

public class Deadlock_05_ReadWriteUpgrade {
    /*
        How to run:
            java -jar tests-deadlock/target/jcstress.jar -t Deadlock_05_ReadWriteUpgrade
     */

    /* ----------------------------------------------------------------------------------------
        A lazily filled cache guarded by a read-write lock, read by two threads at once: each
        takes the read lock, finds the value missing, and wants to fill it in. The tempting
        code upgrades in place: while still holding the read lock, take the write lock.

        With ReentrantReadWriteLock that is a self-deadlock, even with a single thread. The
        write lock is granted only when no thread holds the read lock -- the caller included:
        "Reentrancy also allows downgrading from the write lock to a read lock ... However,
        upgrading from a read lock to the write lock is not possible" (ReentrantReadWriteLock
        javadoc). writeLock().lock() would wait forever for the caller's own read lock.

        UpgradeInPlace: each actor holds the read lock and tries the write lock with
        tryLock() (the cycle detection of Deadlock_01 applied to one thread); every attempt is
        refused, so both actors report a would-be deadlock and nobody fills the cache. A
        successful upgrade ("created") is FORBIDDEN by the javadoc above. Note that even a lock
        that allowed upgrading a sole reader (StampedLock, below) cannot upgrade two readers
        that both wait for the other to leave: two upgraders deadlock on any lock.

        ReleaseThenAcquire: the fix for ReentrantReadWriteLock -- release the read lock, take
        the write lock, and check again, because the other thread may have filled the cache
        in the gap. Exactly one actor creates the value; "created-twice" is FORBIDDEN (the
        re-check runs under the write lock, which excludes the other writer, and the other's
        write happens-before our re-check by the lock's memory-synchronization contract,
        java.util.concurrent.locks.Lock javadoc, JLS 17.4.5). "rechecked" counts the trials in
        which the re-check mattered: an actor saw the cache empty under the read lock and full
        under the write lock -- without the re-check it would have created a second value.
        The blocking writeLock().lock() is bounded: the other actor holds the read or write
        lock only for a few instructions and never waits while holding it.

        StampedConvert: StampedLock.tryConvertToWriteLock(stamp) upgrades a read stamp when
        "the write lock is available", i.e. when the caller is the only reader, and returns 0
        otherwise, without blocking. "converted": every upgrade needed worked in place;
        "fell-back": a conversion was refused because the other actor held a read stamp too --
        the two-upgraders deadlock, detected -- and the actor fell back to release-then-
        acquire with a re-check. Again exactly one value is created.

        Observed on x86_64, JDK 17.0.15, java -jar tests-deadlock/target/jcstress.jar -m quick
        (every quick configuration; 2 CPUs shared with other builds, load average ~17):

        UpgradeInPlace:
            RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
           created          0    0.00%    Forbidden  Impossible: no write lock while the caller holds read.
          deadlock  7,650,242  100.00%  Interesting  Both upgrades refused: writeLock().lock() waits forever.

        ReleaseThenAcquire:
                 RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
           created-once  9,172,296   99.91%   Acceptable  One created the value; the other found it under read.
          created-twice          0    0.00%    Forbidden  Impossible: the re-check runs under the write lock.
           none-created          0    0.00%    Forbidden  Impossible: whoever finds the cache empty creates it.
              rechecked      8,430    0.09%  Interesting  One created; the other found it only in its re-check.

        StampedConvert:
                 RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
              converted  8,977,261   98.72%   Acceptable  Every upgrade needed converted in place.
          created-twice          0    0.00%    Forbidden  Impossible: creation is checked under the write lock.
              fell-back    116,546    1.28%  Interesting  Both held read stamps: a conversion failed, fell back.
           none-created          0    0.00%    Forbidden  Impossible: whoever finds the cache empty creates it.

        UpgradeInPlace refused every single upgrade: with lock() instead of tryLock() each of
        those 7.6 million trials would have hung. In ReleaseThenAcquire the re-check caught a
        second creation in 8,430 trials; in StampedConvert 1.28% of the trials had two readers
        at once and fell back.
     */

    /** The cache and what each actor did. */
    public static class Cache {
        Object value;
        int created;
        boolean rechecked;
    }

    @JCStressTest
    @Description("ReentrantReadWriteLock: upgrading read to write in place can never succeed.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantReadWriteLock.html")
    @Outcome(id = "deadlock", expect = ACCEPTABLE_INTERESTING, desc = "Both upgrades refused: writeLock().lock() waits forever.")
    @Outcome(id = "created",  expect = FORBIDDEN,              desc = "Impossible: no write lock while the caller holds read.")
    @ObservedOn("x86_64")
    @State
    public static class UpgradeInPlace extends Cache {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        boolean refused1;
        boolean refused2;

        boolean getOrCreate() {
            rw.readLock().lock();
            try {
                if (value == null) {
                    // Stands for writeLock().lock(), which would block forever here.
                    if (!rw.writeLock().tryLock()) {
                        return false;
                    }
                    try {
                        value = new Object();
                        created++;
                    } finally {
                        rw.writeLock().unlock();
                    }
                }
                return true;
            } finally {
                rw.readLock().unlock();
            }
        }

        @Actor
        public void actor1() {
            refused1 = !getOrCreate();
        }

        @Actor
        public void actor2() {
            refused2 = !getOrCreate();
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = created > 0 || !refused1 || !refused2 ? "created" : "deadlock";
        }
    }

    @JCStressTest
    @Description("ReentrantReadWriteLock: release read, acquire write, re-check: one value.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/ReentrantReadWriteLock.html")
    @Outcome(id = "created-once",  expect = ACCEPTABLE,             desc = "One created the value; the other found it under read.")
    @Outcome(id = "rechecked",     expect = ACCEPTABLE_INTERESTING, desc = "One created; the other found it only in its re-check.")
    @Outcome(id = "created-twice", expect = FORBIDDEN,              desc = "Impossible: the re-check runs under the write lock.")
    @Outcome(id = "none-created",  expect = FORBIDDEN,              desc = "Impossible: whoever finds the cache empty creates it.")
    @ObservedOn("x86_64")
    @State
    public static class ReleaseThenAcquire extends Cache {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();

        void getOrCreate() {
            rw.readLock().lock();
            try {
                if (value != null) {
                    return;
                }
            } finally {
                rw.readLock().unlock();
            }
            rw.writeLock().lock();
            try {
                if (value == null) {
                    value = new Object();
                    created++;
                } else {
                    rechecked = true;
                }
            } finally {
                rw.writeLock().unlock();
            }
        }

        @Actor
        public void actor1() {
            getOrCreate();
        }

        @Actor
        public void actor2() {
            getOrCreate();
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = created == 0 ? "none-created" : created > 1 ? "created-twice" : rechecked ? "rechecked" : "created-once";
        }
    }

    @JCStressTest
    @Description("StampedLock.tryConvertToWriteLock upgrades a sole reader, refuses two: one value.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/locks/StampedLock.html#tryConvertToWriteLock(long)")
    @Outcome(id = "converted",     expect = ACCEPTABLE,             desc = "Every upgrade needed converted in place.")
    @Outcome(id = "fell-back",     expect = ACCEPTABLE_INTERESTING, desc = "Both held read stamps: a conversion failed, fell back.")
    @Outcome(id = "created-twice", expect = FORBIDDEN,              desc = "Impossible: creation is checked under the write lock.")
    @Outcome(id = "none-created",  expect = FORBIDDEN,              desc = "Impossible: whoever finds the cache empty creates it.")
    @ObservedOn("x86_64")
    @State
    public static class StampedConvert extends Cache {
        final StampedLock sl = new StampedLock();
        boolean fellBack;

        void getOrCreate() {
            long stamp = sl.readLock();
            try {
                if (value != null) {
                    return;
                }
                long ws = sl.tryConvertToWriteLock(stamp);
                if (ws != 0L) {
                    stamp = ws;
                } else {
                    fellBack = true;
                    sl.unlockRead(stamp);
                    stamp = sl.writeLock(); // bounded, as in ReleaseThenAcquire
                    if (value != null) {
                        return;
                    }
                }
                value = new Object();
                created++;
            } finally {
                sl.unlock(stamp);
            }
        }

        @Actor
        public void actor1() {
            getOrCreate();
        }

        @Actor
        public void actor2() {
            getOrCreate();
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = created == 0 ? "none-created" : created > 1 ? "created-twice" : fellBack ? "fell-back" : "converted";
        }
    }
}
