package org.litmuslab.visibility;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Visibility_08_ThisEscape {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_08_ThisEscape
     */

    /* ----------------------------------------------------------------------------------------
        The final-field guarantee (JLS 17.5) has a condition: a thread is guaranteed to see
        the constructor's values of an object's final fields only if it gets the reference
        *after* the constructor finished. A constructor that lets `this` escape (registers
        itself as a listener, stores itself in a shared field, starts a thread with it) breaks
        the condition, and `final` no longer protects the reader.

        Escape before the write: the constructor stores `this` in a shared field, then sets
        its final field. A reader can find the object between the two stores and read 0 from
        a final field. No reordering is needed, only an unlucky interleaving, so every
        machine shows it: ACCEPTABLE_INTERESTING.

        Escape as the last statement: the constructor sets the final field first and only then
        stores `this`. It looks safe, and on x86 it behaves so (stores leave the core in
        program order), but the JMM still gives the reader no guarantee: the reference was
        published before the freeze at the end of the constructor, and the two plain stores
        have no happens-before edge to the reader (JLS 17.4.5, 17.5). Reading 0 is allowed,
        so it is graded ACCEPTABLE_INTERESTING. x86 is not expected to show it, and the run
        below did not.

        The fix: a private constructor and a factory that publishes the object only after
        construction returns. The reader then sees a frozen final field however racy the
        publication; 0 is FORBIDDEN.

        Related: Visibility_07_UnsafePublication.

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        EscapeBeforeWrite [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
              -1  65,476,600   46.89%   Acceptable  Object not published yet.
               0      46,778    0.03%  Interesting  Saw the final field at 0: this escaped too early.
               1  74,105,858   53.07%   Acceptable  Saw the final field set.

        EscapeAsLastStatement [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
              -1  12,043,585   39.05%   Acceptable  Object not published yet.
               0           0    0.00%  Interesting  Saw the final field at 0: published before the freeze.
               1  18,796,404   60.95%   Acceptable  Saw the final field set.

        FactoryPublishes [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
              -1  27,683,701   46.77%  Acceptable  Object not published yet.
               0           0    0.00%   Forbidden  Saw the final field at 0: breaks the JLS 17.5 guarantee.
               1  31,512,932   53.23%  Acceptable  Saw the final field set.
     */

    /** Where objects publish themselves; a reader polls it. */
    static class Registry {
        Object last;
    }

    /** Publishes itself, then sets its final field. */
    static final class EarlyEscapee {
        final int a;

        EarlyEscapee(Registry registry) {
            registry.last = this;
            a = 1;
        }
    }

    /** Sets its final field, then publishes itself as the constructor's last statement. */
    static final class LateEscapee {
        final int a;

        LateEscapee(Registry registry) {
            a = 1;
            registry.last = this;
        }
    }

    /** Publishes itself only through a factory, after the constructor returned. */
    static final class Registered {
        final int a;

        private Registered() {
            a = 1;
        }

        static Registered create(Registry registry) {
            Registered r = new Registered();
            registry.last = r;
            return r;
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("this escapes before the final field is set: a reader sees the final field at 0.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "-1", expect = ACCEPTABLE,             desc = "Object not published yet.")
    @Outcome(id = "1",  expect = ACCEPTABLE,             desc = "Saw the final field set.")
    @Outcome(id = "0",  expect = ACCEPTABLE_INTERESTING, desc = "Saw the final field at 0: this escaped too early.")
    @Outcome(           expect = FORBIDDEN,              desc = "Impossible: the field is only ever 0 or 1.")
    @State
    public static class EscapeBeforeWrite {
        final Registry registry = new Registry();

        @Actor
        public void constructor() {
            new EarlyEscapee(registry);
        }

        @Actor
        public void reader(I_Result r) {
            EarlyEscapee o = (EarlyEscapee) registry.last;
            r.r1 = o == null ? -1 : o.a;
        }
    }

    @JCStressTest
    @Description("this escapes as the constructor's last statement: the JMM still allows the final field at 0.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "-1", expect = ACCEPTABLE,             desc = "Object not published yet.")
    @Outcome(id = "1",  expect = ACCEPTABLE,             desc = "Saw the final field set.")
    @Outcome(id = "0",  expect = ACCEPTABLE_INTERESTING, desc = "Saw the final field at 0: published before the freeze.")
    @Outcome(           expect = FORBIDDEN,              desc = "Impossible: the field is only ever 0 or 1.")
    @State
    public static class EscapeAsLastStatement {
        final Registry registry = new Registry();

        @Actor
        public void constructor() {
            new LateEscapee(registry);
        }

        @Actor
        public void reader(I_Result r) {
            LateEscapee o = (LateEscapee) registry.last;
            r.r1 = o == null ? -1 : o.a;
        }
    }

    @JCStressTest
    @Description("Published by a factory after construction: the final field is always seen set.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.5")
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "Object not published yet.")
    @Outcome(id = "1",  expect = ACCEPTABLE, desc = "Saw the final field set.")
    @Outcome(id = "0",  expect = FORBIDDEN,  desc = "Saw the final field at 0: breaks the JLS 17.5 guarantee.")
    @Outcome(           expect = FORBIDDEN,  desc = "Impossible: the field is only ever 0 or 1.")
    @State
    public static class FactoryPublishes {
        final Registry registry = new Registry();

        @Actor
        public void constructor() {
            Registered.create(registry);
        }

        @Actor
        public void reader(I_Result r) {
            Registered o = (Registered) registry.last;
            r.r1 = o == null ? -1 : o.a;
        }
    }
}
