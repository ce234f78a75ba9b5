package org.litmuslab.counter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_05_LockFree {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_05_LockFree
     */

    /* ----------------------------------------------------------------------------------------
        Lock-free fixes for the lost update of Counter_01: the read-modify-write becomes one
        atomic hardware operation (on x86 a lock-prefixed xadd or cmpxchg), no lock needed.
        AtomicInteger.incrementAndGet() is the first of them, shown in Counter_01 (Atomic).

        GetAndAdd: VarHandle.getAndAdd on an ordinary int field. The VarHandle docs define it
        as an atomic update with volatile memory semantics: the two adds are two atomic
        actions in one synchronization order (JLS 17.4.4), the later one reads what the earlier
        one wrote. 1 is FORBIDDEN. This is what AtomicInteger does inside, without the extra
        object per counter.

        FieldUpdater: AtomicIntegerFieldUpdater.incrementAndGet on a volatile int field, the
        pre-VarHandle way to avoid an AtomicInteger per object. Atomic with respect to other
        updates through the same updater (its javadoc), which is all this test does: 1 is
        FORBIDDEN. (A plain v++ on the same field elsewhere would not be covered.)

        CasLoop: read the value, try compareAndSet(cur, cur + 1), retry on failure. A CAS
        writes only if the value is still the one read, atomically; of two threads that read
        the same value, one CAS fails, and that thread reads again and retries. Every
        successful CAS is thus based on the previous successful one: 1 is FORBIDDEN. This loop
        is how getAndUpdate/updateAndGet work (Counter_07), and how any lock-free update that
        is not a plain add is written.

        BrokenCasNoRetry: the same CAS without the loop. When both threads read 0, one CAS
        fails and its increment is silently dropped: 1 is ACCEPTABLE_INTERESTING. A failed CAS
        is a result to act on, not an error that can be ignored.

        LongAdderSum: LongAdder.increment() from each thread, sum() in the arbiter. Under
        contention LongAdder lets threads add to different cells, so increments never collide;
        sum() adds up the cells. Its javadoc warns that sum() is not an atomic snapshot while
        updates run concurrently; here the arbiter runs after both actors (happens-before via
        jcstress's join), so the sum is exact and 1 is FORBIDDEN. Use it for counters written
        often and read rarely (statistics), not for tickets or bounds (Counter_06, Counter_07).

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          GetAndAdd:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: getAndAdd is atomic.
                 2  18,779,526  100.00%  Acceptable  Both updates seen.

          FieldUpdater:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: the updater's increment is atomic.
                 2  21,243,362  100.00%  Acceptable  Both updates seen.

          CasLoop:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: a failed CAS is retried.
                 2  12,942,348  100.00%  Acceptable  Both updates seen.

          BrokenCasNoRetry:
            RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1     910,099    6.33%  Interesting  One update lost: both read 0, one CAS failed and gave up.
                 2  13,471,823   93.67%   Acceptable  Both CASes succeeded.

          LongAdderSum:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One update lost: sum() after both increments is exact.
                 2  15,615,507  100.00%  Acceptable  Both updates seen.
     */

    @JCStressTest
    @Description("VarHandle.getAndAdd(1) on an int field from two threads never loses an update.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html#getAndAdd(java.lang.Object...)")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: getAndAdd is atomic.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class GetAndAdd {
        static final VarHandle V;

        static {
            try {
                V = MethodHandles.lookup().findVarHandle(GetAndAdd.class, "v", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        int v;

        @Actor
        public void actor1() {
            V.getAndAdd(this, 1);
        }

        @Actor
        public void actor2() {
            V.getAndAdd(this, 1);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("AtomicIntegerFieldUpdater.incrementAndGet from two threads never loses an update.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicIntegerFieldUpdater.html")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: the updater's increment is atomic.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class FieldUpdater {
        static final AtomicIntegerFieldUpdater<FieldUpdater> V =
                AtomicIntegerFieldUpdater.newUpdater(FieldUpdater.class, "v");

        volatile int v;

        @Actor
        public void actor1() {
            V.incrementAndGet(this);
        }

        @Actor
        public void actor2() {
            V.incrementAndGet(this);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("compareAndSet retried until it succeeds never loses an update.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#compareAndSet(int,int)")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: a failed CAS is retried.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both writes.")
    @State
    public static class CasLoop {
        final AtomicInteger v = new AtomicInteger();

        void increment() {
            int cur;
            do {
                cur = v.get();
            } while (!v.compareAndSet(cur, cur + 1));
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
            r.r1 = v.get();
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("One compareAndSet without a retry loop: the losing thread's increment is dropped.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#compareAndSet(int,int)")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both CASes succeeded.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both read 0, one CAS failed and gave up.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: the first CAS always succeeds.")
    @State
    public static class BrokenCasNoRetry {
        final AtomicInteger v = new AtomicInteger();

        void increment() {
            int cur = v.get();
            v.compareAndSet(cur, cur + 1);
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
            r.r1 = v.get();
        }
    }

    @JCStressTest
    @Description("LongAdder.increment() from two threads, sum() after both: exact.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/LongAdder.html")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost: sum() after both increments is exact.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: the arbiter sees both increments.")
    @State
    public static class LongAdderSum {
        final LongAdder v = new LongAdder();

        @Actor
        public void actor1() {
            v.increment();
        }

        @Actor
        public void actor2() {
            v.increment();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = v.sum();
        }
    }
}
