package org.litmuslab.visibility;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_07_UnsafePublication {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_07_UnsafePublication
     */

    /* ----------------------------------------------------------------------------------------
        Publication: one thread builds an object and stores the reference in a plain shared
        field; another thread reads the field and, if it found an object, reads its fields.
        Can the reader find the object but see its fields still at their default values?

        Non-final fields, racy publication: yes. The constructor's writes and the store of
        the reference are plain writes with no happens-before edge to the reader (JLS 17.4.5);
        the reader may see the reference and any mix of initialized and default fields. The
        reader sums four fields each set to 1: anything from 0 to 3 is a partially built
        object, allowed by the JMM and graded ACCEPTABLE_INTERESTING. On x86 stores become
        visible in program order, so only a JIT that sank a constructor store below the
        publishing store could show it; the run below saw none. ARM can show it in hardware.

        Final fields (JLS 17.5): a constructor "freezes" its final fields when it finishes. A
        thread that gets a reference to the object only after that is guaranteed to see the
        final fields as the constructor left them, however the reference was published, so
        0 to 3 are FORBIDDEN. (The object must not escape during construction: see
        Visibility_08_ThisEscape.)

        A volatile field written in the constructor is not a final field. The constructor
        writes a = 1 (plain), then v = 1 (volatile), and the object is published racily. If
        the reader sees v == 1, the volatile write synchronizes-with its read (JLS 17.4.4), so
        it must also see a == 1: (1, 0) is FORBIDDEN. But nothing forces the reader to see
        v == 1: its volatile read may come before the write in the synchronization order,
        because the racy publication adds no edge, and then it reads the default 0. So (0, 0)
        and (0, 1) are allowed by the JMM (ACCEPTABLE_INTERESTING). On x86 HotSpot follows the
        volatile store with a full fence, before the reference is stored, so x86 cannot show
        them and the run below saw none. The freeze of JLS 17.5 is what the volatile field
        lacks.

        Related: Visibility_09_DoubleCheckedLocking, Visibility_11_HappensBefore.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        NonFinalFields [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
              -1  31,448,979   43.18%   Acceptable  Object not published yet.
               0           0    0.00%  Interesting  Saw the object with some fields still at 0.
               1           0    0.00%  Interesting  Saw the object with some fields still at 0.
               2           0    0.00%  Interesting  Saw the object with some fields still at 0.
               3           0    0.00%  Interesting  Saw the object with some fields still at 0.
               4  41,391,131   56.82%   Acceptable  Saw the fully built object.

        FinalFields [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
              -1  30,447,727   49.22%  Acceptable  Object not published yet.
               0           0    0.00%   Forbidden  Saw a final field at 0: breaks the JLS 17.5 guarantee.
               1           0    0.00%   Forbidden  Saw a final field at 0: breaks the JLS 17.5 guarantee.
               2           0    0.00%   Forbidden  Saw a final field at 0: breaks the JLS 17.5 guarantee.
               3           0    0.00%   Forbidden  Saw a final field at 0: breaks the JLS 17.5 guarantee.
               4  31,412,742   50.78%  Acceptable  Saw the fully built object.

        VolatileInConstructor [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
          -1, -1  67,551,755   83.96%   Acceptable  Object not published yet.
            0, 0           0    0.00%  Interesting  Saw the object but v still 0: no freeze for volatile fields.
            0, 1           0    0.00%  Interesting  Saw the object but v still 0: no freeze for volatile fields.
            1, 0           0    0.00%    Forbidden  Saw v == 1 but a == 0: breaks happens-before.
            1, 1  12,909,566   16.04%   Acceptable  Saw the fully built object.
     */

    /** Four non-final fields. */
    static final class Mutable {
        int a;
        int b;
        int c;
        int d;

        Mutable() {
            a = 1;
            b = 1;
            c = 1;
            d = 1;
        }
    }

    /** The same four fields, final. */
    static final class Immutable {
        final int a;
        final int b;
        final int c;
        final int d;

        Immutable() {
            a = 1;
            b = 1;
            c = 1;
            d = 1;
        }
    }

    /** A plain field, then a volatile field, both written in the constructor. */
    static final class VolatileLast {
        int a;
        volatile int v;

        VolatileLast() {
            a = 1;
            v = 1;
        }
    }

    @JCStressTest
    @Description("Racy publication of an object with non-final fields: the reader may see it half built.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "-1",                    expect = ACCEPTABLE,             desc = "Object not published yet.")
    @Outcome(id = "4",                     expect = ACCEPTABLE,             desc = "Saw the fully built object.")
    @Outcome(id = {"0", "1", "2", "3"},    expect = ACCEPTABLE_INTERESTING, desc = "Saw the object with some fields still at 0.")
    @Outcome(                              expect = FORBIDDEN,              desc = "Impossible: fields are only ever 0 or 1.")
    @State
    public static class NonFinalFields {
        Mutable m;

        @Actor
        public void publisher() {
            m = new Mutable();
        }

        @Actor
        public void reader(I_Result r) {
            Mutable o = m;
            r.r1 = o == null ? -1 : o.a + o.b + o.c + o.d;
        }
    }

    @JCStressTest
    @Description("Racy publication of an object with final fields: the freeze guarantees the fields.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "-1",                    expect = ACCEPTABLE, desc = "Object not published yet.")
    @Outcome(id = "4",                     expect = ACCEPTABLE, desc = "Saw the fully built object.")
    @Outcome(id = {"0", "1", "2", "3"},    expect = FORBIDDEN,  desc = "Saw a final field at 0: breaks the JLS 17.5 guarantee.")
    @Outcome(                              expect = FORBIDDEN,  desc = "Impossible: fields are only ever 0 or 1.")
    @State
    public static class FinalFields {
        Immutable m;

        @Actor
        public void publisher() {
            m = new Immutable();
        }

        @Actor
        public void reader(I_Result r) {
            Immutable o = m;
            r.r1 = o == null ? -1 : o.a + o.b + o.c + o.d;
        }
    }

    @JCStressTest
    @Description("A volatile field written in the constructor gives no final-field guarantee.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "-1, -1",         expect = ACCEPTABLE,             desc = "Object not published yet.")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE,             desc = "Saw the fully built object.")
    @Outcome(id = {"0, 0", "0, 1"}, expect = ACCEPTABLE_INTERESTING, desc = "Saw the object but v still 0: no freeze for volatile fields.")
    @Outcome(id = "1, 0",           expect = FORBIDDEN,              desc = "Saw v == 1 but a == 0: breaks happens-before.")
    @Outcome(                       expect = FORBIDDEN,              desc = "Impossible: fields are only ever 0 or 1.")
    @State
    public static class VolatileInConstructor {
        VolatileLast m;

        @Actor
        public void publisher() {
            m = new VolatileLast();
        }

        @Actor
        public void reader(II_Result r) {
            VolatileLast o = m;
            if (o == null) {
                r.r1 = -1;
                r.r2 = -1;
            } else {
                r.r1 = o.v;
                r.r2 = o.a;
            }
        }
    }
}
