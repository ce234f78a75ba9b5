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
 * Message passing and store buffering, into tests-visibility: two fields {@code x} and {@code y} of one type, both
 * accessed in one {@link AccessMode}. Cells: {int, long, reference} x every mode, one family per {@link Shape},
 * named {@code org.litmuslab.visibility.generated.<mp|sb>.<mode>.<Type><Shape>}.
 */
public final class OrderingFamily implements Family {
    public static final String PACKAGE = "org.litmuslab.visibility.generated";

    /** The litmus shape: who writes and who reads what. */
    public enum Shape {
        /** actor1: x = 1; y = 1. actor2: r1 = y; r2 = x. The bad outcome: flag y seen, data x stale. */
        MESSAGE_PASSING("mp", "MessagePassing", "message-passing.java.mustache", "message passing"),
        /** actor1: x = 1; r1 = y. actor2: y = 1; r2 = x. The bad outcome: both reads miss. */
        STORE_BUFFERING("sb", "StoreBuffering", "store-buffering.java.mustache", "store buffering");

        private final String packageName;
        private final String classSuffix;
        private final String template;
        private final String words;

        Shape(String packageName, String classSuffix, String template, String words) {
            this.packageName = packageName;
            this.classSuffix = classSuffix;
            this.template = template;
            this.words = words;
        }
    }

    /** One cell of the matrix. */
    public record Cell(Shape shape, JavaType type, AccessMode mode) {
        public String className() {
            return PACKAGE + "." + shape.packageName + "." + mode.packageName() + "." + type.classPrefix()
                    + shape.classSuffix;
        }
    }

    private final Shape shape;

    public OrderingFamily(Shape shape) {
        this.shape = shape;
    }

    public Shape shape() {
        return shape;
    }

    @Override
    public String name() {
        return shape == Shape.MESSAGE_PASSING ? "message-passing" : "store-buffering";
    }

    @Override
    public String module() {
        return "tests-visibility";
    }

    @Override
    public String template() {
        return shape.template;
    }

    /** Filter: int, long and reference stand for the others here; the access modes are the point. */
    public static boolean exists(JavaType type, AccessMode mode) {
        return type == JavaType.INT || type == JavaType.LONG || type == JavaType.REFERENCE;
    }

    /**
     * Grading rule for message passing's (flag seen, data stale). Plain accesses give no happens-before edge
     * (JLS 17.4.5); opaque ones are ordered only per variable (VarHandle javadoc): both allow it. A release write
     * of the flag after the data and an acquire read of the flag before the data forbid it (VarHandle javadoc), as
     * volatile does through happens-before (JLS 17.4.4, 17.4.5).
     */
    public static Grade staleAfterFlag(AccessMode mode) {
        return switch (mode) {
            case PLAIN, OPAQUE -> Grade.ACCEPTABLE_INTERESTING;
            case ACQUIRE_RELEASE, VOLATILE -> Grade.FORBIDDEN;
        };
    }

    /**
     * Grading rule for store buffering's (default, default): both reads miss the other thread's write. Only a total
     * order over all the accesses forbids it: volatile's synchronization order (JLS 17.4.4). Plain, opaque and
     * release/acquire accesses let a write be passed by a later read of another variable.
     */
    public static Grade bothMissed(AccessMode mode) {
        return mode == AccessMode.VOLATILE ? Grade.FORBIDDEN : Grade.ACCEPTABLE_INTERESTING;
    }

    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (JavaType t : JavaType.values()) {
            for (AccessMode m : AccessMode.values()) {
                if (exists(t, m)) {
                    cells.add(new Cell(shape, t, m));
                }
            }
        }
        return cells;
    }

    /** The value each actor writes. */
    static String written(JavaType type) {
        return switch (type) {
            case INT -> "1";
            case LONG -> "1L";
            case REFERENCE -> "\"set\"";
            default -> throw new IllegalArgumentException("no ordering test for " + type);
        };
    }

    private static String id(JavaType type, boolean set) {
        if (type == JavaType.REFERENCE) {
            return set ? "set" : "null";
        }
        return set ? "1" : "0";
    }

    private static String id(JavaType type, boolean r1, boolean r2) {
        return id(type, r1) + ", " + id(type, r2);
    }

    /** Every combination of the two reads, graded; no other result can occur (a 1 or 0 cannot tear). */
    public static List<Outcome> outcomes(Cell cell) {
        JavaType t = cell.type();
        if (cell.shape() == Shape.MESSAGE_PASSING) {
            return List.of(
                    new Outcome(id(t, false, false), Grade.ACCEPTABLE, "Flag not seen, data not seen: the reader ran first."),
                    new Outcome(id(t, false, true), Grade.ACCEPTABLE, "Flag not seen, data seen: the reader ran between the writes."),
                    new Outcome(id(t, true, false), staleAfterFlag(cell.mode()), "Flag seen, data stale: the writes or the reads were reordered."),
                    new Outcome(id(t, true, true), Grade.ACCEPTABLE, "Flag seen, data seen."));
        }
        return List.of(
                new Outcome(id(t, false, false), bothMissed(cell.mode()), "Both reads missed the other's write: store buffering."),
                new Outcome(id(t, false, true), Grade.ACCEPTABLE, "actor1 ran first."),
                new Outcome(id(t, true, false), Grade.ACCEPTABLE, "actor2 ran first."),
                new Outcome(id(t, true, true), Grade.ACCEPTABLE, "The actors interleaved."));
    }

    @Override
    public List<SourceFile> generate(Templates templates) {
        return cells().stream().map(c -> model(c).render(templates)).toList();
    }

    public TestModel model(Cell cell) {
        JavaType t = cell.type();
        AccessMode mode = cell.mode();
        String value = written(t);
        String resultType = switch (t) {
            case INT -> "II_Result";
            case LONG -> "JJ_Result";
            default -> "LL_Result";
        };
        TestModel m = new TestModel(template(), OrderingFamily.class, module(), cell.className())
                .put("type", t.java())
                .put("resultType", resultType)
                .put("varHandle", mode.usesVarHandle())
                .put("fieldX", mode.declare(t, "x"))
                .put("fieldY", mode.declare(t, "y"))
                .put("writeX", mode.write("x", value))
                .put("writeY", mode.write("y", value))
                .put("readX", mode.read(t, "x"))
                .put("readY", mode.read(t, "y"))
                .outcomes(outcomes(cell));
        if (mode.usesVarHandle()) {
            m.javaImport("java.lang.invoke.MethodHandles").javaImport("java.lang.invoke.VarHandle");
        }
        String subject = mode.adjective() + " " + t.word() + " " + shape.words;
        boolean mp = shape == Shape.MESSAGE_PASSING;
        Grade bad = mp ? staleAfterFlag(mode) : bothMissed(mode);
        String description;
        if (mp) {
            description = bad == Grade.FORBIDDEN
                    ? subject + ": a reader that sees the flag sees the data."
                    : subject + ": the reader may see the flag and stale data.";
        } else {
            description = bad == Grade.FORBIDDEN
                    ? subject + ": one total order of the accesses forbids both reads missing."
                    : subject + ": both threads may miss each other's write.";
        }
        String accesses = switch (mode) {
            case PLAIN -> "plain fields";
            case VOLATILE -> "volatile fields";
            case OPAQUE -> "VarHandle setOpaque and getOpaque";
            case ACQUIRE_RELEASE -> "VarHandle setRelease and getAcquire";
        };
        String intro = mp
                ? "Message passing with " + accesses + ": actor1 writes the data x, then the flag y;\n"
                        + "actor2 reads the flag, then the data. Seeing the flag but not the data is the question.\n\n"
                : "Store buffering (Dekker) with " + accesses + ": each actor writes its own variable, then\n"
                        + "reads the other's. Both reads seeing the default is the question.\n\n";
        return m.description(description)
                .refs(refs(mode))
                .explanation(intro + (mp ? whyMessagePassing(mode) : whyStoreBuffering(mode)));
    }

    private static List<String> refs(AccessMode mode) {
        return switch (mode) {
            case PLAIN -> List.of(Refs.JLS_17_4_5);
            case VOLATILE -> List.of(Refs.JLS_17_4_4, Refs.JLS_17_4_5);
            case OPAQUE, ACQUIRE_RELEASE -> List.of(Refs.VAR_HANDLE);
        };
    }

    private static String whyMessagePassing(AccessMode mode) {
        return switch (mode) {
            case PLAIN -> """
                    Plain accesses create no happens-before edge between the threads (JLS 17.4.5), so the
                    reader may see the flag and still the old data: the JIT may reorder the two independent
                    writes or the two reads. x86 keeps stores in order and loads in order, so there only the
                    compiler can show it, rarely; ARM and POWER reorder in hardware too.
                    """;
            case OPAQUE -> """
                    Opaque accesses are atomic and coherent per variable but order nothing across variables
                    (VarHandle javadoc): the flag may be seen before the data, as with plain fields. On x86
                    opaque accesses compile to plain moves, and TSO keeps this case rare there.
                    """;
            case ACQUIRE_RELEASE -> """
                    setRelease keeps the earlier data write before the flag write; getAcquire keeps the later
                    data read after the flag read (VarHandle javadoc). A reader that sees the flag therefore
                    sees the data: stale data after the flag is FORBIDDEN. This is the weakest mode that makes
                    message passing safe.
                    """;
            case VOLATILE -> """
                    The volatile write of the flag happens-before every volatile read that sees it
                    (JLS 17.4.4, 17.4.5), and the data write comes before it in program order: a reader that
                    sees the flag sees the data. Stale data after the flag is FORBIDDEN.
                    """;
        };
    }

    private static String whyStoreBuffering(AccessMode mode) {
        return switch (mode) {
            case PLAIN -> """
                    Plain accesses give no happens-before edge between the threads (JLS 17.4.5); each read may
                    see the initial value although, in some global order, the other write came first. x86
                    shows it in hardware: a store waits in the core's store buffer while the later load
                    already reads memory (store-load is the one reordering TSO allows).
                    """;
            case OPAQUE -> """
                    Opaque accesses are coherent per variable but do not order a write before a later read of
                    another variable (VarHandle javadoc), so both reads may miss. On x86 setOpaque is a plain
                    store: the store buffer shows it as with plain fields.
                    """;
            case ACQUIRE_RELEASE -> """
                    Release orders the accesses before a write, acquire the accesses after a read (VarHandle
                    javadoc); neither keeps a write before a later read, so both reads may still miss: release
                    and acquire are not enough for Dekker. On x86 setRelease is a plain store and the store
                    buffer shows it.
                    """;
            case VOLATILE -> """
                    Volatile accesses are synchronization actions, all in one total synchronization order
                    consistent with each thread's program order (JLS 17.4.4). Whichever write comes first in
                    that order is seen by the other thread's later read, so both reads missing is FORBIDDEN.
                    On x86 the JIT pays for it with a full fence after each volatile store.
                    """;
        };
    }
}
