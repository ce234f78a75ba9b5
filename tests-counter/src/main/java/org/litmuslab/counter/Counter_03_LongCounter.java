package org.litmuslab.counter;

import java.util.concurrent.atomic.AtomicLong;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

public class Counter_03_LongCounter {
    /*
        How to run:
            java -jar tests-counter/target/jcstress.jar -t Counter_03_LongCounter
     */

    /* ----------------------------------------------------------------------------------------
        A long counter has the int counter's lost update (Counter_01) and one more licence:
        JLS 17.7 lets a JVM treat a write of a non-volatile long (or double) as two separate
        32-bit writes, and a read as two 32-bit reads. To make that visible in the values, each
        variant starts the counter at 0x0_FFFF_FFFF (4294967295), so one increment carries from
        the low half into the high half: the correct total is 0x1_0000_0001 (4294967297).

        Plain: long v; each thread runs v++.
          - 4294967297: both updates seen.
          - 4294967296 (0x1_0000_0000): the lost update, both threads read 0xFFFF_FFFF.
          - Torn values (JLS 17.7), possible only where longs are split into halves:
            8589934592 (0x2_0000_0000): a thread read the other's new high half (1) with the
              old low half (0xFFFF_FFFF) and added one;
            1: a thread read the new low half (0) with the old high half (0), wrote 1, and its
              write came last;
            0: the arbiter took the high half of that write of 1 and the low half of the other
              thread's 0x1_0000_0000. Plain accesses promise no single order of writes per
              variable (JLS 17.4.5 only asks that a read not see a write that happens-before
              overwrote), so each half may come from a different last write.
          x86_64 HotSpot reads and writes every long with one 64-bit instruction, so the torn
          values are not expected here (0 samples of each below); a 32-bit JVM may show them. They stay ACCEPTABLE_INTERESTING
          because the grade follows the JMM, not one CPU.

        Volatile: volatile long v. JLS 17.7 makes reads and writes of volatile longs atomic, so
        the torn values are FORBIDDEN; but v++ is still a read and a separate write
        (Counter_02), so the lost update 4294967296 stays ACCEPTABLE_INTERESTING.

        Atomic: AtomicLong.incrementAndGet() is an atomic read-modify-write (package docs of
        java.util.concurrent.atomic), so only 4294967297 is ACCEPTABLE.

        Observed on x86_64, JDK 17.0.15, java -jar tests-counter/target/jcstress.jar -m quick (whole module):

          Plain:
                RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                     0           0    0.00%  Interesting  Torn final value (JLS 17.7): halves of two different writes.
                     1           0    0.00%  Interesting  Torn read (JLS 17.7): new low half with old high half.
            4294967296   3,470,350    7.61%  Interesting  One update lost: both threads read 0xFFFFFFFF.
            4294967297  42,144,352   92.39%   Acceptable  Both updates seen.
            8589934592           0    0.00%  Interesting  Torn read (JLS 17.7): new high half with old low half.

          Volatile:
                RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
                     0           0    0.00%    Forbidden  Torn final value: volatile long accesses are atomic.
                     1           0    0.00%    Forbidden  Torn read: volatile long accesses are atomic.
            4294967296   1,255,542    6.72%  Interesting  One update lost: both threads read 0xFFFFFFFF.
            4294967297  17,432,059   93.28%   Acceptable  Both updates seen.
            8589934592           0    0.00%    Forbidden  Torn read: volatile long accesses are atomic.

          Atomic:
                RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            4294967296           0    0.00%   Forbidden  One update lost: incrementAndGet is atomic.
            4294967297  22,925,883  100.00%  Acceptable  Both updates seen.
     */

    /** 0x0_FFFF_FFFF: one increment carries into the high 32 bits. */
    static final long START = 0xFFFF_FFFFL;

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("Plain long v++ from two threads: lost update; JLS 17.7 also allows torn halves.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.7")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "4294967297", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "4294967296", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both threads read 0xFFFFFFFF.")
    @Outcome(id = "8589934592", expect = ACCEPTABLE_INTERESTING, desc = "Torn read (JLS 17.7): new high half with old low half.")
    @Outcome(id = "1",          expect = ACCEPTABLE_INTERESTING, desc = "Torn read (JLS 17.7): new low half with old high half.")
    @Outcome(id = "0",          expect = ACCEPTABLE_INTERESTING, desc = "Torn final value (JLS 17.7): halves of two different writes.")
    @Outcome(                   expect = FORBIDDEN,              desc = "Impossible even with torn halves.")
    @State
    public static class Plain {
        long v = START;

        @Actor
        public void actor1() {
            v++;
        }

        @Actor
        public void actor2() {
            v++;
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @ObservedOn("x86_64")
    @Description("volatile long v++ from two threads: never torn (JLS 17.7), still loses an update.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.7")
    @Outcome(id = "4294967297", expect = ACCEPTABLE,             desc = "Both updates seen.")
    @Outcome(id = "4294967296", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both threads read 0xFFFFFFFF.")
    @Outcome(id = "8589934592", expect = FORBIDDEN,              desc = "Torn read: volatile long accesses are atomic.")
    @Outcome(id = "1",          expect = FORBIDDEN,              desc = "Torn read: volatile long accesses are atomic.")
    @Outcome(id = "0",          expect = FORBIDDEN,              desc = "Torn final value: volatile long accesses are atomic.")
    @Outcome(                   expect = FORBIDDEN,              desc = "Impossible.")
    @State
    public static class Volatile {
        volatile long v = START;

        @Actor
        public void actor1() {
            v++;
        }

        @Actor
        public void actor2() {
            v++;
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = v;
        }
    }

    @JCStressTest
    @Description("AtomicLong.incrementAndGet() from two threads: neither torn nor lost.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/atomic/AtomicLong.html")
    @Outcome(id = "4294967297", expect = ACCEPTABLE, desc = "Both updates seen.")
    @Outcome(id = "4294967296", expect = FORBIDDEN,  desc = "One update lost: incrementAndGet is atomic.")
    @Outcome(                   expect = FORBIDDEN,  desc = "Torn or impossible value: AtomicLong is atomic.")
    @State
    public static class Atomic {
        final AtomicLong v = new AtomicLong(START);

        @Actor
        public void actor1() {
            v.incrementAndGet();
        }

        @Actor
        public void actor2() {
            v.incrementAndGet();
        }

        @Arbiter
        public void arbiter(J_Result r) {
            r.r1 = v.get();
        }
    }
}
