package org.litmuslab.testgen.family;

import java.util.ArrayList;
import java.util.List;

import org.litmuslab.testgen.Family;
import org.litmuslab.testgen.Grade;
import org.litmuslab.testgen.Outcome;
import org.litmuslab.testgen.SourceFile;
import org.litmuslab.testgen.TestModel;
import org.litmuslab.testgen.Templates;

/**
 * Increment atomicity, into tests-counter: two threads each add one to a shared {@code int} or {@code long}; the
 * arbiter reads the counter after both. {@code 2} is the right total, {@code 1} a lost update. Cells:
 * {int, long} x {@link IncrementMode} ({@link IncrementMode#ADDER} for long only), named
 * {@code org.litmuslab.counter.generated.<mode>.<Type>Increment}.
 */
public final class IncrementFamily implements Family {
    public static final String PACKAGE = "org.litmuslab.counter.generated";

    /** One cell of the matrix. */
    public record Cell(JavaType type, IncrementMode mode) {
        public String className() {
            return PACKAGE + "." + mode.packageName() + "." + type.classPrefix() + "Increment";
        }
    }

    @Override
    public String name() {
        return "increment";
    }

    @Override
    public String module() {
        return "tests-counter";
    }

    @Override
    public String template() {
        return "increment.java.mustache";
    }

    /** Filter: counters are int or long; LongAdder exists only for long. */
    public static boolean exists(JavaType type, IncrementMode mode) {
        if (type != JavaType.INT && type != JavaType.LONG) {
            return false;
        }
        return mode != IncrementMode.ADDER || type == JavaType.LONG;
    }

    /**
     * Grading rule for {@code 1}, the lost update. Allowed (and the point of the test) wherever the increment is a
     * separate read and write, whatever their memory ordering; forbidden wherever the read-modify-write is atomic
     * (VarHandle.getAndAdd, Atomic*, LongAdder) or mutually excluded (synchronized, Lock).
     */
    public static Grade lostUpdate(IncrementMode mode) {
        return switch (mode) {
            case PLAIN, VOLATILE, OPAQUE, ACQUIRE_RELEASE -> Grade.ACCEPTABLE_INTERESTING;
            case GET_AND_ADD, ATOMIC, SYNCHRONIZED, LOCK, ADDER -> Grade.FORBIDDEN;
        };
    }

    /** Every cell that exists, types outer, modes inner, in enum order. */
    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (JavaType t : JavaType.values()) {
            for (IncrementMode m : IncrementMode.values()) {
                if (exists(t, m)) {
                    cells.add(new Cell(t, m));
                }
            }
        }
        return cells;
    }

    /** The outcomes of a cell: every value the arbiter can read, graded; the rest FORBIDDEN. */
    public static List<Outcome> outcomes(Cell cell) {
        Grade lost = lostUpdate(cell.mode());
        return List.of(
                new Outcome("2", Grade.ACCEPTABLE, "Both updates seen."),
                new Outcome("1", lost, lost == Grade.FORBIDDEN
                        ? "One update lost: impossible, the two increments cannot interleave."
                        : "One update lost: both threads read 0."),
                Outcome.catchAll(Grade.FORBIDDEN, "Impossible: the arbiter runs after both increments."));
    }

    @Override
    public List<SourceFile> generate(Templates templates) {
        return cells().stream().map(c -> model(c).render(templates)).toList();
    }

    /** The template values of one cell. */
    public TestModel model(Cell cell) {
        JavaType t = cell.type();
        String type = t.java();
        boolean isLong = t == JavaType.LONG;
        String one = isLong ? "1L" : "1";
        String atomicClass = isLong ? "AtomicLong" : "AtomicInteger";
        TestModel m = new TestModel(template(), IncrementFamily.class, module(), cell.className())
                .put("type", type)
                .put("resultType", isLong ? "J_Result" : "I_Result")
                .put("varHandle", false)
                .outcomes(outcomes(cell));
        List<String> fields;
        List<String> increment;
        String read;
        String how;
        List<String> refs;
        String why;
        switch (cell.mode()) {
            case PLAIN -> {
                fields = List.of(type + " v;");
                increment = List.of("v++;");
                read = "v";
                how = "Plain " + type + " v++";
                refs = List.of(Refs.JLS_17_4, Refs.JLS_15_14_2);
                why = """
                        v++ is three actions: read v, add one, write v (JLS 15.14.2). The Java Memory Model
                        (JLS 17.4) does not keep the other thread's write out from between this thread's read and
                        its write: both threads may read 0 and both write 1, so one update is lost and the arbiter
                        sees 1. x86 shows it readily: the read and the write stay separate instructions after C2.
                        """;
            }
            case VOLATILE -> {
                fields = List.of("volatile " + type + " v;");
                increment = List.of("v++;");
                read = "v";
                how = "Volatile " + type + " v++";
                refs = List.of(Refs.JLS_17_4_4, Refs.JLS_15_14_2);
                why = """
                        volatile makes each read and each write of v a synchronization action (JLS 17.4.4), so a
                        read sees the latest write in the synchronization order. It does not make v++ one action:
                        both threads may still read 0 before either writes, and one update is lost, as with a plain
                        field. volatile is about visibility and order, not about read-modify-write atomicity.
                        """;
            }
            case OPAQUE -> {
                fields = List.of(type + " v;");
                increment = List.of("V.setOpaque(this, (" + type + ") V.getOpaque(this) + " + one + ");");
                read = "(" + type + ") V.getOpaque(this)";
                how = "Opaque getOpaque-then-setOpaque of " + t.withArticle();
                refs = List.of(Refs.VAR_HANDLE);
                why = """
                        Opaque accesses are atomic and coherent for one variable (VarHandle javadoc), but
                        getOpaque followed by setOpaque is still two accesses: the other thread's read may fall
                        between them, both read 0 and both write 1. One update is lost.
                        """;
            }
            case ACQUIRE_RELEASE -> {
                fields = List.of(type + " v;");
                increment = List.of("V.setRelease(this, (" + type + ") V.getAcquire(this) + " + one + ");");
                read = "(" + type + ") V.getAcquire(this)";
                how = "Release/acquire getAcquire-then-setRelease of " + t.withArticle();
                refs = List.of(Refs.VAR_HANDLE);
                why = """
                        getAcquire and setRelease order the accesses around them (VarHandle javadoc), but they
                        are still two accesses: the other thread may read the same old value between them, both
                        write 1, and one update is lost. Ordering is not atomicity.
                        """;
            }
            case GET_AND_ADD -> {
                fields = List.of(type + " v;");
                increment = List.of("V.getAndAdd(this, " + one + ");");
                read = "(" + type + ") V.getVolatile(this)";
                how = "VarHandle.getAndAdd on " + t.withArticle();
                refs = List.of(Refs.VAR_HANDLE);
                why = """
                        getAndAdd is one atomic read-modify-write with volatile memory effects (VarHandle
                        javadoc, numeric atomic update access modes): no write can come between its read and its
                        write, so the second increment reads the first one's result and 1 is FORBIDDEN.
                        """;
            }
            case ATOMIC -> {
                m.javaImport("java.util.concurrent.atomic." + atomicClass);
                fields = List.of("final " + atomicClass + " v = new " + atomicClass + "();");
                increment = List.of("v.incrementAndGet();");
                read = "v.get()";
                how = atomicClass + ".incrementAndGet()";
                refs = List.of(Refs.ATOMIC_PACKAGE);
                why = """
                        incrementAndGet is an atomic read-modify-write (java.util.concurrent.atomic package
                        summary: compareAndSet and friends have the memory effects of volatile accesses and run
                        as one step), so the second increment reads the first one's result and 1 is FORBIDDEN.
                        """;
            }
            case SYNCHRONIZED -> {
                fields = List.of(type + " v;");
                increment = List.of("synchronized (this) {", "    v++;", "}");
                read = "v";
                how = "Synchronized " + type + " v++";
                refs = List.of(Refs.JLS_17_1, Refs.JLS_17_4_5);
                why = """
                        Both increments run holding the same monitor: only one thread holds it at a time
                        (JLS 17.1), and the unlock that ends the first happens-before the lock that starts the
                        second (JLS 17.4.5), so the second reads the first one's write. 1 is FORBIDDEN.
                        """;
            }
            case LOCK -> {
                m.javaImport("java.util.concurrent.locks.ReentrantLock");
                fields = List.of("final ReentrantLock lock = new ReentrantLock();", type + " v;");
                increment = List.of("lock.lock();", "try {", "    v++;", "} finally {", "    lock.unlock();", "}");
                read = "v";
                how = "ReentrantLock-guarded " + type + " v++";
                refs = List.of(Refs.LOCK);
                why = """
                        A ReentrantLock excludes the other thread like a monitor, and a successful lock has the
                        memory effects of a monitor lock, an unlock those of a monitor unlock (Lock javadoc,
                        Memory Synchronization): the second increment reads the first one's write. 1 is FORBIDDEN.
                        """;
            }
            case ADDER -> {
                m.javaImport("java.util.concurrent.atomic.LongAdder");
                fields = List.of("final LongAdder v = new LongAdder();");
                increment = List.of("v.increment();");
                read = "v.sum()";
                how = "LongAdder.increment()";
                refs = List.of(Refs.LONG_ADDER);
                why = """
                        LongAdder.increment adds one atomically to one of the adder's cells; sum() adds the cells
                        up and is exact when no update runs at the same time (LongAdder javadoc), as here: the
                        arbiter runs after both increments. No update is lost, so 1 is FORBIDDEN.
                        """;
            }
            default -> throw new IllegalArgumentException("no increment mode " + cell.mode());
        }
        if (cell.mode() == IncrementMode.OPAQUE || cell.mode() == IncrementMode.ACQUIRE_RELEASE
                || cell.mode() == IncrementMode.GET_AND_ADD) {
            m.put("varHandle", true)
                    .javaImport("java.lang.invoke.MethodHandles")
                    .javaImport("java.lang.invoke.VarHandle");
        }
        Grade lost = lostUpdate(cell.mode());
        return m.put("fields", fields)
                .put("increment", increment)
                .put("read", read)
                .description(how + " from two threads "
                        + (lost == Grade.FORBIDDEN ? "never loses an update." : "may lose an update."))
                .refs(refs)
                .explanation("Two threads each add one to a shared " + type + " counter; the arbiter reads it after"
                        + " both.\n\n" + why);
    }
}
