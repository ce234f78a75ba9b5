package org.litmuslab.visibility;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.litmuslab.visibility.shared.Handles;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_09_DoubleCheckedLocking {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_09_DoubleCheckedLocking
     */

    /* ----------------------------------------------------------------------------------------
        Double-checked locking: lazy initialization that takes the lock only while the
        instance is still null. Two threads call get() and report the instance's field, which
        the constructor sets to 1. The question is whether a thread can get the instance and
        see its field still 0.

        Broken (plain instance field): the fast path reads `instance` without the lock. The
        creating thread's unlock orders its writes only for threads that later lock (JLS
        17.4.5); a thread that takes the fast path gets no happens-before edge, so it may see
        the reference before the constructor's write: 0 is allowed (ACCEPTABLE_INTERESTING).
        This is Visibility_07's racy publication hidden inside an idiom. On x86 the writes
        become visible in program order, so only a JIT that sank the constructor's store
        below the publishing store could show it; the run below saw none.

        volatile instance: the volatile write of `instance` happens-before every read that
        sees it (JLS 17.4.4), and the constructor's write comes before it in program order:
        0 is FORBIDDEN. This is the fix since Java 5.

        setRelease/getAcquire on `instance`: the same argument with the weaker pair; a reader
        whose acquire read sees the release write sees everything before it (VarHandle
        javadoc). 0 is FORBIDDEN and the fast path needs no fence.

        Holder-class idiom: the instance lives in a static final field of a nested class,
        created by that class's initializer. The JVM initializes a class once, under an
        initialization lock, and every thread that uses the class synchronizes on that
        lock's outcome first (JLS 12.4.2): 0 is FORBIDDEN, with no code on the fast path at
        all. Caveat for this test: a class is initialized once per JVM, so only the first
        sample of each jcstress fork races the initialization; the others check that the
        instance stays visible. jcstress cannot exercise this idiom better.

        Final wrapper: the instance is published racily, but wrapped in an object whose only
        field is final. JLS 17.5 extends the freeze guarantee to everything reachable through
        a final field, as up to date as the field itself, so the instance's non-final field
        is seen set: 0 is FORBIDDEN. The broken version's only difference is the wrapper.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Broken [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 1           0    0.00%  Interesting  One thread got the instance with its field still 0.
            1, 0           0    0.00%  Interesting  One thread got the instance with its field still 0.
            1, 1  22,493,854  100.00%   Acceptable  Both threads saw the initialized instance.

        Volatile [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 1           0    0.00%   Forbidden  Half-built instance: breaks volatile happens-before.
            1, 0           0    0.00%   Forbidden  Half-built instance: breaks volatile happens-before.
            1, 1  28,368,638  100.00%  Acceptable  Both threads saw the initialized instance.

        AcquireRelease [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 1           0    0.00%   Forbidden  Half-built instance: breaks release/acquire.
            1, 0           0    0.00%   Forbidden  Half-built instance: breaks release/acquire.
            1, 1  58,667,326  100.00%  Acceptable  Both threads saw the initialized instance.

        HolderClass [OK]:
          RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 1            0    0.00%   Forbidden  Half-built instance: breaks class initialization.
            1, 0            0    0.00%   Forbidden  Half-built instance: breaks class initialization.
            1, 1  545,674,421  100.00%  Acceptable  Both threads saw the initialized instance.

        FinalWrapperField [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 1           0    0.00%   Forbidden  Half-built instance: breaks the JLS 17.5 guarantee.
            1, 0           0    0.00%   Forbidden  Half-built instance: breaks the JLS 17.5 guarantee.
            1, 1  57,654,840  100.00%  Acceptable  Both threads saw the initialized instance.
     */

    /** The lazily created object: one non-final field set by the constructor. */
    static final class Singleton {
        int a;

        Singleton() {
            a = 1;
        }
    }

    /** Holds a reference in a final field: the freeze covers what it refers to. */
    static final class FinalWrapper<T> {
        final T value;

        FinalWrapper(T value) {
            this.value = value;
        }
    }

    /** The holder-class idiom: INSTANCE is created when Lazy is first used (JLS 12.4.1). */
    static final class Lazy {
        static final Singleton INSTANCE = new Singleton();
    }

    @JCStressTest
    @Description("Broken double-checked locking (plain field): the fast path may see a half-built instance.")
    @Ref("https://www.cs.umd.edu/~pugh/java/memoryModel/DoubleCheckedLocking.html")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE,             desc = "Both threads saw the initialized instance.")
    @Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE_INTERESTING, desc = "One thread got the instance with its field still 0.")
    @Outcome(                       expect = FORBIDDEN,              desc = "Impossible: the creating thread sees its own write.")
    @State
    public static class Broken {
        Singleton instance;

        Singleton get() {
            Singleton s = instance;
            if (s == null) {
                synchronized (this) {
                    s = instance;
                    if (s == null) {
                        s = new Singleton();
                        instance = s;
                    }
                }
            }
            return s;
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = get().a;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = get().a;
        }
    }

    @JCStressTest
    @Description("Double-checked locking with a volatile field: the instance is always seen initialized.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE, desc = "Both threads saw the initialized instance.")
    @Outcome(id = {"0, 1", "1, 0"}, expect = FORBIDDEN,  desc = "Half-built instance: breaks volatile happens-before.")
    @Outcome(                       expect = FORBIDDEN,  desc = "Impossible: the creating thread sees its own write.")
    @State
    public static class Volatile {
        volatile Singleton instance;

        Singleton get() {
            Singleton s = instance;
            if (s == null) {
                synchronized (this) {
                    s = instance;
                    if (s == null) {
                        s = new Singleton();
                        instance = s;
                    }
                }
            }
            return s;
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = get().a;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = get().a;
        }
    }

    @JCStressTest
    @Description("Double-checked locking with setRelease/getAcquire: the instance is always seen initialized.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE, desc = "Both threads saw the initialized instance.")
    @Outcome(id = {"0, 1", "1, 0"}, expect = FORBIDDEN,  desc = "Half-built instance: breaks release/acquire.")
    @Outcome(                       expect = FORBIDDEN,  desc = "Impossible: the creating thread sees its own write.")
    @State
    public static class AcquireRelease {
        static final VarHandle INSTANCE = Handles.field(MethodHandles.lookup(), "instance", Singleton.class);
        Singleton instance;

        Singleton get() {
            Singleton s = (Singleton) INSTANCE.getAcquire(this);
            if (s == null) {
                synchronized (this) {
                    s = instance;
                    if (s == null) {
                        s = new Singleton();
                        INSTANCE.setRelease(this, s);
                    }
                }
            }
            return s;
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = get().a;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = get().a;
        }
    }

    @JCStressTest
    @Description("Holder-class idiom: class initialization publishes the instance safely (races once per JVM).")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-12.html#jls-12.4.2")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE, desc = "Both threads saw the initialized instance.")
    @Outcome(id = {"0, 1", "1, 0"}, expect = FORBIDDEN,  desc = "Half-built instance: breaks class initialization.")
    @Outcome(                       expect = FORBIDDEN,  desc = "Impossible: the initializer's writes are seen by all users.")
    @State
    public static class HolderClass {
        @Actor
        public void actor1(II_Result r) {
            r.r1 = Lazy.INSTANCE.a;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = Lazy.INSTANCE.a;
        }
    }

    @JCStressTest
    @Description("Double-checked locking through a final wrapper: the freeze covers the wrapped instance.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE, desc = "Both threads saw the initialized instance.")
    @Outcome(id = {"0, 1", "1, 0"}, expect = FORBIDDEN,  desc = "Half-built instance: breaks the JLS 17.5 guarantee.")
    @Outcome(                       expect = FORBIDDEN,  desc = "Impossible: the creating thread sees its own write.")
    @State
    public static class FinalWrapperField {
        FinalWrapper<Singleton> wrapper;

        Singleton get() {
            FinalWrapper<Singleton> w = wrapper;
            if (w == null) {
                synchronized (this) {
                    w = wrapper;
                    if (w == null) {
                        w = new FinalWrapper<>(new Singleton());
                        wrapper = w;
                    }
                }
            }
            return w.value;
        }

        @Actor
        public void actor1(II_Result r) {
            r.r1 = get().a;
        }

        @Actor
        public void actor2(II_Result r) {
            r.r2 = get().a;
        }
    }
}
