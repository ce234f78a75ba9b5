package org.litmuslab.visibility;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.litmuslab.visibility.shared.Threads;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_11_HappensBefore {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_11_HappensBefore
     */

    /* ----------------------------------------------------------------------------------------
        Safe publication without volatile fields of your own: each variant hands plain data
        from one thread to another through a library or language mechanism that creates a
        happens-before edge. In each, the consumer that got the hand-off must see the data;
        seeing the default 0 instead is FORBIDDEN. These are the "correct" twins of
        Visibility_02_MessagePassing and Visibility_07_UnsafePublication.

        Thread.start: "a call to start() on a thread happens-before any actions in the started
        thread" (JLS 17.4.5). The actor writes x = 1, then starts a thread that reads x.

        Thread.join: "all actions in a thread happen-before any other thread successfully
        returns from a join() on that thread" (JLS 17.4.5). A started thread writes x = 1, the
        actor joins it and reads x.

        ConcurrentHashMap put/get: "actions in a thread prior to placing an object into any
        concurrent collection happen-before actions subsequent to the access or removal of
        that element from the collection in another thread" (java.util.concurrent, "Memory
        Consistency Properties").

        AtomicReference set/get: set has the memory effects of a volatile write, get of a
        volatile read (java.util.concurrent.atomic); an object with a non-final field,
        published through it, is seen fully built.

        lazySet / setRelease: AtomicInteger.lazySet has "the memory effects as specified by
        VarHandle.setRelease"; paired with a get (a volatile read, which is at least an
        acquire read), it hands over the data written before it. It is cheaper than set on
        x86 (no fence), and it is enough for message passing, though not for store buffering
        (Visibility_01).

        CountDownLatch: "actions in a thread prior to calling countDown() happen-before
        actions following a successful return from a corresponding await() in another thread"
        (CountDownLatch javadoc). The consumer uses await with a zero timeout, which returns
        true only when the count has reached zero, so the test never blocks.

        In the Thread.start and Thread.join variants one actor creates a thread per sample,
        so they run far fewer samples than the others.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        ThreadStart [OK]:
          RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               0        0    0.00%   Forbidden  The started thread missed a write made before start().
               1  819,642  100.00%  Acceptable  The started thread saw the write.

        ThreadJoin [OK]:
          RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
               0        0    0.00%   Forbidden  The joiner missed a write of the joined thread.
               1  921,301  100.00%  Acceptable  The joiner saw the write.

        ConcurrentMap [OK]:
          RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  9,618,260   58.92%  Acceptable  Key not there yet, data not seen.
            0, 1     71,177    0.44%  Acceptable  Key not there yet, data already seen.
            1, 0          0    0.00%   Forbidden  Found the key but missed the data written before put.
            1, 1  6,633,539   40.64%  Acceptable  Found the key and the data.

        AtomicRef [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
              -1  44,480,644   82.20%  Acceptable  Nothing published yet.
               0           0    0.00%   Forbidden  Saw the object but not the data written before set.
               1   9,631,861   17.80%  Acceptable  Saw the published object's data.

        LazySet [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  31,364,891   44.73%  Acceptable  Flag not set yet, data not seen.
            0, 1     176,242    0.25%  Acceptable  Flag not set yet, data already seen.
            1, 0           0    0.00%   Forbidden  Saw the flag but missed the data: breaks release/acquire.
            1, 1  38,584,266   55.02%  Acceptable  Saw the flag and the data.

        Latch [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  38,222,270   79.54%  Acceptable  Latch still closed, data not seen.
            0, 1     125,206    0.26%  Acceptable  Latch still closed, data already seen.
            1, 0           0    0.00%   Forbidden  Latch open but the data written before countDown missed.
            1, 1   9,708,051   20.20%  Acceptable  Latch open and data seen.
     */

    /** A plain carrier of data: one non-final field. */
    static final class Data {
        int x;
    }

    @JCStressTest
    @Description("Thread.start: the started thread sees what its starter wrote before start().")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "The started thread saw the write.")
    @Outcome(id = "0", expect = FORBIDDEN,  desc = "The started thread missed a write made before start().")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: x is only ever 0 or 1.")
    @State
    public static class ThreadStart {
        int x;
        int seen;

        @Actor
        public void starter(I_Result r) {
            x = 1;
            Thread t = new Thread(() -> seen = x);
            t.start();
            Threads.join(t);
            r.r1 = seen;
        }
    }

    @JCStressTest
    @Description("Thread.join: after join() returns, the joiner sees every write of the joined thread.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "The joiner saw the write.")
    @Outcome(id = "0", expect = FORBIDDEN,  desc = "The joiner missed a write of the joined thread.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: x is only ever 0 or 1.")
    @State
    public static class ThreadJoin {
        int x;

        @Actor
        public void joiner(I_Result r) {
            Thread t = new Thread(() -> x = 1);
            t.start();
            Threads.join(t);
            r.r1 = x;
        }
    }

    @JCStressTest
    @Description("ConcurrentHashMap: a get that finds the key sees what was written before the put.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/package-summary.html#MemoryVisibility")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Key not there yet, data not seen.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Key not there yet, data already seen.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Found the key but missed the data written before put.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Found the key and the data.")
    @State
    public static class ConcurrentMap {
        final ConcurrentHashMap<String, Boolean> map = new ConcurrentHashMap<>();
        int x;

        @Actor
        public void producer() {
            x = 1;
            map.put("ready", Boolean.TRUE);
        }

        @Actor
        public void consumer(II_Result r) {
            r.r1 = map.get("ready") != null ? 1 : 0;
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("AtomicReference set/get: an object published through it is seen fully built.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/package-summary.html")
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "Nothing published yet.")
    @Outcome(id = "1",  expect = ACCEPTABLE, desc = "Saw the published object's data.")
    @Outcome(id = "0",  expect = FORBIDDEN,  desc = "Saw the object but not the data written before set.")
    @Outcome(           expect = FORBIDDEN,  desc = "Impossible: x is only ever 0 or 1.")
    @State
    public static class AtomicRef {
        final AtomicReference<Data> ref = new AtomicReference<>();

        @Actor
        public void producer() {
            Data d = new Data();
            d.x = 1;
            ref.set(d);
        }

        @Actor
        public void consumer(I_Result r) {
            Data d = ref.get();
            r.r1 = d == null ? -1 : d.x;
        }
    }

    @JCStressTest
    @Description("AtomicInteger.lazySet (a release write) hands over the data written before it.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicInteger.html#lazySet(int)")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Flag not set yet, data not seen.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Flag not set yet, data already seen.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Saw the flag but missed the data: breaks release/acquire.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Saw the flag and the data.")
    @State
    public static class LazySet {
        final AtomicInteger ready = new AtomicInteger();
        int x;

        @Actor
        public void producer() {
            x = 1;
            ready.lazySet(1);
        }

        @Actor
        public void consumer(II_Result r) {
            r.r1 = ready.get();
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("CountDownLatch: after await() succeeds, the waiter sees what was written before countDown().")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/CountDownLatch.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Latch still closed, data not seen.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Latch still closed, data already seen.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Latch open but the data written before countDown missed.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Latch open and data seen.")
    @State
    public static class Latch {
        final CountDownLatch latch = new CountDownLatch(1);
        int x;

        @Actor
        public void producer() {
            x = 1;
            latch.countDown();
        }

        @Actor
        public void consumer(II_Result r) {
            boolean open;
            try {
                open = latch.await(0, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            r.r1 = open ? 1 : 0;
            r.r2 = x;
        }
    }
}
