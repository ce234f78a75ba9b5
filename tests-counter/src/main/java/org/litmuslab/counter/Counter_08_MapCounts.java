package org.litmuslab.counter;

import java.util.concurrent.ConcurrentHashMap;
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

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_08_MapCounts {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_08_MapCounts
     */

    /* ----------------------------------------------------------------------------------------
        Counting per key -- words, hits per URL, errors per code -- in a ConcurrentHashMap. Both
        threads count one occurrence of the same key; the arbiter reads the count.

        GetPut: Integer n = map.get(k); map.put(k, n == null ? 1 : n + 1). A concurrent map
        makes each get and each put thread-safe and atomic (its javadoc: retrievals reflect the
        most recently completed updates), not the pair. It is Counter_01's read-modify-write
        again, one level up: both threads get null, both put 1, one count is lost. 1 is
        ACCEPTABLE_INTERESTING. "Thread-safe collection" does not make the code using it
        thread-safe.

        Merge: map.merge(k, 1, Integer::sum). ConcurrentHashMap's javadoc: "The entire method
        invocation is performed atomically" -- the read of the old value, the sum and the store
        happen under the bin's lock, so 1 is FORBIDDEN.

        Compute: map.compute(k, (key, n) -> n == null ? 1 : n + 1), the same guarantee in the
        general form. The function runs while other updates of that key wait, so keep it short
        and never touch the map from inside it.

        AdderPerKey: map.computeIfAbsent(k, key -> new LongAdder()).increment(). computeIfAbsent
        is atomic, so both threads get the same LongAdder; LongAdder's increment is atomic
        (Counter_05). The usual idiom for hot counters: the map is only touched when a key is
        new. 1 is FORBIDDEN.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          GetPut:
            RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
                 1     94,934    1.08%  Interesting  One count lost: both got null and put 1.
                 2  8,712,308   98.92%   Acceptable  Both counts seen.

          Merge:
            RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1          0    0.00%   Forbidden  One count lost: merge is atomic.
                 2  8,526,721  100.00%  Acceptable  Both counts seen.

          Compute:
            RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1           0    0.00%   Forbidden  One count lost: compute is atomic.
                 2  10,688,227  100.00%  Acceptable  Both counts seen.

          AdderPerKey:
            RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                 1          0    0.00%   Forbidden  One count lost: both threads share one LongAdder.
                 2  9,042,671  100.00%  Acceptable  Both counts seen.
     */

    /** The key both threads count. */
    static final String KEY = "k";

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("ConcurrentHashMap get then put from two threads loses a count.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/ConcurrentHashMap.html")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both counts seen.")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One count lost: both got null and put 1.")
    @Outcome(          expect = FORBIDDEN,              desc = "Impossible: each thread puts at least 1.")
    @State
    public static class GetPut {
        final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();

        void count() {
            Integer n = map.get(KEY);
            map.put(KEY, n == null ? 1 : n + 1);
        }

        @Actor
        public void actor1() {
            count();
        }

        @Actor
        public void actor2() {
            count();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = map.get(KEY);
        }
    }

    @JCStressTest
    @Description("ConcurrentHashMap.merge(k, 1, Integer::sum) from two threads never loses a count.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/ConcurrentHashMap.html#merge(K,V,java.util.function.BiFunction)")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both counts seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One count lost: merge is atomic.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: each merge adds 1.")
    @State
    public static class Merge {
        final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();

        @Actor
        public void actor1() {
            map.merge(KEY, 1, Integer::sum);
        }

        @Actor
        public void actor2() {
            map.merge(KEY, 1, Integer::sum);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = map.get(KEY);
        }
    }

    @JCStressTest
    @Description("ConcurrentHashMap.compute from two threads never loses a count.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/ConcurrentHashMap.html#compute(K,java.util.function.BiFunction)")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both counts seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One count lost: compute is atomic.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: each compute adds 1.")
    @State
    public static class Compute {
        final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();

        void count() {
            map.compute(KEY, (key, n) -> n == null ? 1 : n + 1);
        }

        @Actor
        public void actor1() {
            count();
        }

        @Actor
        public void actor2() {
            count();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = map.get(KEY);
        }
    }

    @JCStressTest
    @Description("computeIfAbsent(k, LongAdder) then increment() from two threads never loses a count.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/ConcurrentHashMap.html#computeIfAbsent(K,java.util.function.Function)")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/LongAdder.html")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both counts seen.")
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One count lost: both threads share one LongAdder.")
    @Outcome(          expect = FORBIDDEN,  desc = "Impossible: each thread adds 1.")
    @State
    public static class AdderPerKey {
        final ConcurrentHashMap<String, LongAdder> map = new ConcurrentHashMap<>();

        void count() {
            map.computeIfAbsent(KEY, key -> new LongAdder()).increment();
        }

        @Actor
        public void actor1() {
            count();
        }

        @Actor
        public void actor2() {
            count();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = map.get(KEY).intValue();
        }
    }
}
