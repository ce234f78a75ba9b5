package org.litmuslab.bench;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.*;
import static org.openjdk.jcstress.annotations.Expect.*;

/**
 * Scratch litmus tests for tools/cli/bench/teach-preset.sh (stage "probes"): classic racy shapes that the teach
 * preset must show, including ones that only some JVM configurations show. Not lessons and not in litmus.jar.
 */
public class Probes {
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "ok")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost")
    @State
    public static class VolatileIncrement {
        volatile int v;
        @Actor public void a1() { v++; }
        @Actor public void a2() { v++; }
        @Arbiter public void ar(I_Result r) { r.r1 = v; }
    }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1", "0, 1"}, expect = ACCEPTABLE, desc = "ok")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "reordered")
    @State
    public static class MessagePassing {
        int x, y;
        @Actor public void a1() { x = 1; y = 1; }
        @Actor public void a2(II_Result r) { r.r1 = y; r.r2 = x; }
    }

    static class Holder { int a, b, c, d; Holder() { a = 1; b = 1; c = 1; d = 1; } }

    @JCStressTest
    @Outcome(id = {"-1", "4"}, expect = ACCEPTABLE, desc = "ok")
    @Outcome(id = {"0", "1", "2", "3"}, expect = ACCEPTABLE_INTERESTING, desc = "partial")
    @State
    public static class UnsafePublication {
        Holder h;
        @Actor public void a1() { h = new Holder(); }
        @Actor public void a2(I_Result r) { Holder l = h; r.r1 = l == null ? -1 : l.a + l.b + l.c + l.d; }
    }

    static class Cell { int x; }

    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1", "0, 1"}, expect = ACCEPTABLE, desc = "ok")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "incoherent")
    @State
    public static class Coherence {
        final Cell h1 = new Cell();
        final Cell h2 = h1;
        @Actor public void a1() { h1.x = 1; }
        @Actor public void a2(II_Result r) { Cell c1 = h1, c2 = h2; r.r1 = c1.x; r.r2 = c2.x; }
    }

    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "a1 won")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "a2 won")
    @Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "both created")
    @State
    public static class CheckThenAct {
        Object o;
        @Actor public void a1(II_Result r) { if (o == null) { o = new Object(); r.r1 = 1; } }
        @Actor public void a2(II_Result r) { if (o == null) { o = new Object(); r.r2 = 1; } }
    }

    @JCStressTest
    @Outcome(id = {"0", "1"}, expect = ACCEPTABLE, desc = "ok")
    @Outcome(id = "2", expect = ACCEPTABLE_INTERESTING, desc = "read twice differ")
    @State
    public static class PlainIncrementLoop {
        int v;
        @Actor public void a1() { for (int i = 0; i < 10; i++) v++; }
        @Actor public void a2() { for (int i = 0; i < 10; i++) v++; }
        @Arbiter public void ar(I_Result r) { r.r1 = v == 20 ? 0 : (v < 10 ? 2 : 1); }
    }
}
