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

public class Visibility_02_MessagePassing {
    /*
        How to run:
            java -jar tests-visibility/target/jcstress.jar -t Visibility_02_MessagePassing
     */

    /* ----------------------------------------------------------------------------------------
        Message passing: a writer fills in data (x = 1), then raises a flag (ready = 1); a
        reader reads the flag, then the data. The question is whether a reader that saw the
        flag can still miss the data: the outcome (ready, x) = (1, 0).

        Plain: nothing orders the two writes for the other thread, nor the two reads (JLS
        17.4.5: no happens-before edge between the threads). (1, 0) is allowed. x86 hardware
        keeps stores in order and loads in order (TSO), so only the JIT can produce it there,
        by reordering the two stores or the two loads; ARM and POWER also do it in hardware.
        The run below shows it on x86, in forks where C2 had compiled the reader.

        Opaque: opaque accesses are coherent per variable but impose no order between accesses
        to different variables (VarHandle javadoc, "Access modes"), so (1, 0) stays allowed.
        x86 cannot show it: the hardware keeps the order, and HotSpot's C2 brackets every
        opaque access with a compiler-only barrier (MemBarCPUOrder), so it does not swap them
        either. ARM and POWER may show it in hardware.

        Volatile flag: the data stays plain; only the flag is volatile. A volatile write
        synchronizes-with every read of it that sees it (JLS 17.4.4), so x = 1 happens-before
        the reader's read of x as soon as the reader saw ready == 1 (program order plus that
        edge, JLS 17.4.5). (1, 0) is FORBIDDEN. This is the canonical safe hand-off.

        setRelease/getAcquire on the flag: release/acquire is exactly what message passing
        needs. Accesses before a release write stay before it; accesses after an acquire read
        that sees it stay after it (VarHandle javadoc). (1, 0) is FORBIDDEN, without the full
        fence volatile costs on x86.

        synchronized on both sides, on the same lock: the critical sections run one after the
        other, and an unlock happens-before every later lock of the same monitor (JLS 17.4.4,
        17.4.5). The reader sees both writes or neither, so (1, 0) *and* (0, 1) are FORBIDDEN.

        A lock on only one side (the writer locks, the reader does not): an unlock orders the
        writer's accesses only for a thread that later *locks* the same monitor. The plain
        reader takes part in no synchronization, so it is as racy as the Plain variant and
        (1, 0) is allowed. x86 hardware reorders neither the reader's loads nor the writer's
        stores, but C2 may reorder either pair (two stores inside one critical section may
        be reordered freely), and the run below shows (1, 0) on x86: the writer's lock does
        not help a reader that takes none.

        On x86 the (1, 0) of Plain and LockOneSide is rare and comes from C2 alone: it
        shows under -m quick, where jcstress varies the compilation of each actor and C2's
        scheduling, but not in the teach preset's single configuration (three teach runs here
        showed none), so the variant carries no @ObservedOn claim.

        Related: Visibility_01_StoreBuffering (where acquire/release is NOT enough),
        Visibility_11_HappensBefore (library hand-offs built on the same edges).

        Observed on x86_64, JDK 17.0.15, java -jar tests-visibility/target/jcstress.jar -m quick -v
        (jcstress's final results, all JVM configurations merged; 2 CPUs shared, load 9-18):

        Plain [OK]:
          RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0   38,721,608   19.91%   Acceptable  Reader ran before the writer.
            0, 1      152,198    0.08%   Acceptable  Reader saw the data but not yet the flag.
            1, 0       37,628    0.02%  Interesting  Reader saw the flag but missed the data.
            1, 1  155,620,501   80.00%   Acceptable  Reader ran after the writer.

        Opaque [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  25,360,405   34.41%   Acceptable  Reader ran before the writer.
            0, 1     156,198    0.21%   Acceptable  Reader saw the data but not yet the flag.
            1, 0           0    0.00%  Interesting  Reader saw the flag but missed the data.
            1, 1  48,175,751   65.37%   Acceptable  Reader ran after the writer.

        VolatileFlag [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  29,448,777   54.05%  Acceptable  Reader ran before the writer.
            0, 1      14,526    0.03%  Acceptable  Reader saw the data but not yet the flag.
            1, 0           0    0.00%   Forbidden  Saw the flag but missed the data: breaks happens-before.
            1, 1  25,025,423   45.93%  Acceptable  Reader ran after the writer.

        ReleaseAcquire [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  32,490,517   44.26%  Acceptable  Reader ran before the writer.
            0, 1      94,998    0.13%  Acceptable  Reader saw the data but not yet the flag.
            1, 0           0    0.00%   Forbidden  Saw the flag but missed the data: breaks release/acquire.
            1, 1  40,829,552   55.61%  Acceptable  Reader ran after the writer.

        SynchronizedBoth [OK]:
          RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
            0, 0  14,006,417   43.46%  Acceptable  Reader's critical section ran first.
            0, 1           0    0.00%   Forbidden  Reader saw half of the writer's critical section.
            1, 0           0    0.00%   Forbidden  Saw the flag but missed the data: breaks mutual exclusion.
            1, 1  18,222,791   56.54%  Acceptable  Writer's critical section ran first.

        LockOneSide [OK]:
          RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
            0, 0  73,156,000   86.54%   Acceptable  Reader ran before the writer.
            0, 1      12,615    0.01%   Acceptable  Reader saw the data but not yet the flag.
            1, 0         276   <0.01%  Interesting  Reader saw the flag but missed the data.
            1, 1  11,369,580   13.45%   Acceptable  Reader ran after the writer.
     */

    @JCStressTest
    @Description("Plain message passing: the reader may see the flag but not the data.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,             desc = "Reader ran before the writer.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "Reader saw the data but not yet the flag.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Reader saw the flag but missed the data.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "Reader ran after the writer.")
    @State
    public static class Plain {
        int x;
        int ready;

        @Actor
        public void writer() {
            x = 1;
            ready = 1;
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = ready;
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("Opaque message passing: opaque orders nothing across variables, (1, 0) stays allowed.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,             desc = "Reader ran before the writer.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "Reader saw the data but not yet the flag.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Reader saw the flag but missed the data.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "Reader ran after the writer.")
    @State
    public static class Opaque {
        static final VarHandle X = Handles.field(MethodHandles.lookup(), "x", int.class);
        static final VarHandle READY = Handles.field(MethodHandles.lookup(), "ready", int.class);
        int x;
        int ready;

        @Actor
        public void writer() {
            X.setOpaque(this, 1);
            READY.setOpaque(this, 1);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) READY.getOpaque(this);
            r.r2 = (int) X.getOpaque(this);
        }
    }

    @JCStressTest
    @Description("Volatile flag, plain data: a reader that sees the flag sees the data.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Reader ran before the writer.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Reader saw the data but not yet the flag.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Saw the flag but missed the data: breaks happens-before.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Reader ran after the writer.")
    @State
    public static class VolatileFlag {
        int x;
        volatile int ready;

        @Actor
        public void writer() {
            x = 1;
            ready = 1;
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = ready;
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("setRelease/getAcquire flag, plain data: release/acquire is enough for message passing.")
    @Ref("https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/invoke/VarHandle.html")
    @Ref("https://gee.cs.oswego.edu/dl/html/j9mm.html")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Reader ran before the writer.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Reader saw the data but not yet the flag.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Saw the flag but missed the data: breaks release/acquire.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Reader ran after the writer.")
    @State
    public static class ReleaseAcquire {
        static final VarHandle READY = Handles.field(MethodHandles.lookup(), "ready", int.class);
        int x;
        int ready;

        @Actor
        public void writer() {
            x = 1;
            READY.setRelease(this, 1);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = (int) READY.getAcquire(this);
            r.r2 = x;
        }
    }

    @JCStressTest
    @Description("synchronized on both sides: the reader sees both writes or neither.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.4")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.1")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Reader's critical section ran first.")
    @Outcome(id = "0, 1", expect = FORBIDDEN,  desc = "Reader saw half of the writer's critical section.")
    @Outcome(id = "1, 0", expect = FORBIDDEN,  desc = "Saw the flag but missed the data: breaks mutual exclusion.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Writer's critical section ran first.")
    @State
    public static class SynchronizedBoth {
        int x;
        int ready;

        @Actor
        public void writer() {
            synchronized (this) {
                x = 1;
                ready = 1;
            }
        }

        @Actor
        public void reader(II_Result r) {
            synchronized (this) {
                r.r1 = ready;
                r.r2 = x;
            }
        }
    }

    @JCStressTest
    @Description("Only the writer locks: a plain reader gets no happens-before edge and may miss the data.")
    @Ref("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4.5")
    @Outcome(id = "0, 0", expect = ACCEPTABLE,             desc = "Reader ran before the writer.")
    @Outcome(id = "0, 1", expect = ACCEPTABLE,             desc = "Reader saw the data but not yet the flag.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "Reader saw the flag but missed the data.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE,             desc = "Reader ran after the writer.")
    @State
    public static class LockOneSide {
        int x;
        int ready;

        @Actor
        public void writer() {
            synchronized (this) {
                x = 1;
                ready = 1;
            }
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = ready;
            r.r2 = x;
        }
    }
}
