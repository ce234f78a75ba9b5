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
 * Access atomicity, into tests-visibility: one thread writes a value with bits set in every part of the field, the
 * other reads the field once. Seeing anything but the default or the whole written value means the access was
 * split (torn). Cells: every {@link JavaType} x every {@link AccessMode}, named
 * {@code org.litmuslab.visibility.generated.atomicity.<mode>.<Type>Access}.
 */
public final class AccessAtomicityFamily implements Family {
    public static final String PACKAGE = "org.litmuslab.visibility.generated.atomicity";

    /** One cell of the matrix. */
    public record Cell(JavaType type, AccessMode mode) {
        public String className() {
            return PACKAGE + "." + mode.packageName() + "." + type.classPrefix() + "Access";
        }
    }

    /**
     * What a cell writes and how the reader records it.
     *
     * @param written    the Java expression written
     * @param writtenId  the result when the reader sees the whole write
     * @param defaultId  the result when the reader sees the default value
     * @param resultType the jcstress result class
     * @param record     how the value read becomes the result ({@code %s} is the read)
     * @param note       what the explanation says about the value, or empty
     */
    record Values(String written, String writtenId, String defaultId, String resultType, String record, String note) {
    }

    /** The two results a split 64-bit write of {@code 0x1_0000_0001} can show (JLS 17.7: two 32-bit halves). */
    static final String TORN_HIGH_ID = "4294967296";
    static final String TORN_LOW_ID = "1";

    @Override
    public String name() {
        return "access-atomicity";
    }

    @Override
    public String module() {
        return "tests-visibility";
    }

    @Override
    public String template() {
        return "access-atomicity.java.mustache";
    }

    /** Filter: every type and every mode; the JMM and VarHandle speak to all of them. */
    public static boolean exists(JavaType type, AccessMode mode) {
        return true;
    }

    /**
     * Grading rule for a torn value. JLS 17.7 lets a plain write of a long or double be split into two 32-bit
     * writes; volatile long and double accesses are atomic (JLS 17.7), and so are opaque, release and acquire
     * accesses of every type (VarHandle javadoc: only plain get/set are limited to 32 bits). Values of 32 bits or
     * fewer and references are never split (JLS 17.7, and 17.6: no word tearing).
     */
    public static Grade torn(JavaType type, AccessMode mode) {
        return type.isWide() && mode == AccessMode.PLAIN ? Grade.ACCEPTABLE_INTERESTING : Grade.FORBIDDEN;
    }

    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (JavaType t : JavaType.values()) {
            for (AccessMode m : AccessMode.values()) {
                if (exists(t, m)) {
                    cells.add(new Cell(t, m));
                }
            }
        }
        return cells;
    }

    static Values values(JavaType type) {
        return switch (type) {
            case BOOLEAN -> new Values("true", "true", "false", "Z_Result", "%s", "");
            case BYTE -> new Values("(byte) -1", "-1", "0", "B_Result", "%s", "every bit set");
            case SHORT -> new Values("(short) -1", "-1", "0", "S_Result", "%s", "every bit set");
            case CHAR -> new Values("(char) 0xFFFF", "65535", "0", "I_Result", "%s",
                    "every bit set; the reader records the char as an int");
            case INT -> new Values("-1", "-1", "0", "I_Result", "%s", "every bit set");
            case FLOAT -> new Values("Float.intBitsToFloat(0x0001_0001)", "65537", "0", "I_Result",
                    "Float.floatToRawIntBits(%s)",
                    "a bit set in each 16-bit half; the reader records its raw bits (Float.floatToRawIntBits)");
            case LONG -> new Values("0x1_0000_0001L", "4294967297", "0", "J_Result", "%s",
                    "a bit set in each 32-bit half");
            case DOUBLE -> new Values("Double.longBitsToDouble(0x1_0000_0001L)", "4294967297", "0", "J_Result",
                    "Double.doubleToRawLongBits(%s)",
                    "a bit set in each 32-bit half; the reader records its raw bits (Double.doubleToRawLongBits)");
            case REFERENCE -> new Values("\"set\"", "set", "null", "L_Result", "%s", "");
        };
    }

    /** The outcomes of a cell: the default, the whole write, for 64-bit types each torn half; the rest FORBIDDEN. */
    public static List<Outcome> outcomes(Cell cell) {
        Values v = values(cell.type());
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Outcome(v.defaultId(), Grade.ACCEPTABLE, "Read before the write: the default value."));
        outcomes.add(new Outcome(v.writtenId(), Grade.ACCEPTABLE, "Read after the write: the whole value."));
        if (cell.type().isWide()) {
            Grade torn = torn(cell.type(), cell.mode());
            outcomes.add(new Outcome(TORN_HIGH_ID, torn, "Torn: the write's high half with the default's low half."));
            outcomes.add(new Outcome(TORN_LOW_ID, torn, "Torn: the write's low half with the default's high half."));
            outcomes.add(Outcome.catchAll(Grade.FORBIDDEN, "Impossible: neither value nor a half of each."));
        } else {
            outcomes.add(Outcome.catchAll(Grade.FORBIDDEN,
                    "Impossible: part of a write; a " + cell.type().word() + " access is atomic."));
        }
        return outcomes;
    }

    @Override
    public List<SourceFile> generate(Templates templates) {
        return cells().stream().map(c -> model(c).render(templates)).toList();
    }

    public TestModel model(Cell cell) {
        JavaType t = cell.type();
        AccessMode mode = cell.mode();
        Values v = values(t);
        TestModel m = new TestModel(template(), AccessAtomicityFamily.class, module(), cell.className())
                .put("type", t.java())
                .put("resultType", v.resultType())
                .put("varHandle", mode.usesVarHandle())
                .put("field", mode.declare(t, "v"))
                .put("write", mode.write("v", v.written()))
                .put("read", v.record().formatted(mode.read(t, "v")))
                .outcomes(outcomes(cell));
        if (mode.usesVarHandle()) {
            m.javaImport("java.lang.invoke.MethodHandles").javaImport("java.lang.invoke.VarHandle");
        }
        String subject = mode.adjective() + " " + t.word() + " access";
        Grade torn = torn(t, mode);
        String description = torn == Grade.FORBIDDEN
                ? subject + " is atomic: a reader sees the whole write or none of it."
                : subject + " may tear: a reader may see half of a write (JLS 17.7).";
        List<String> refs;
        String why;
        if (!t.isWide()) {
            refs = List.of(Refs.JLS_17_7, Refs.JLS_17_6);
            why = """
                    Only plain writes of long and double may be split (JLS 17.7); a %s is read and written
                    whole in every mode, and a field is its own memory location, so writing it never touches its
                    neighbours (JLS 17.6). Anything but the two values is FORBIDDEN.
                    """.formatted(t.word());
        } else if (mode == AccessMode.PLAIN) {
            refs = List.of(Refs.JLS_17_7);
            why = """
                    JLS 17.7 lets a JVM treat one write of a non-volatile %1$s as two 32-bit writes, so a
                    reader may see one half of the new value next to one half of the old: a torn value.
                    It is allowed, and the reason this test exists; 64-bit HotSpot writes a %1$s with one
                    instruction on x86_64 and aarch64, so expect it on 32-bit JVMs rather than here.
                    """.formatted(t.word());
        } else if (mode == AccessMode.VOLATILE) {
            refs = List.of(Refs.JLS_17_7);
            why = """
                    JLS 17.7: writes and reads of volatile long and double values are always atomic. A torn
                    value is FORBIDDEN.
                    """;
        } else {
            refs = List.of(Refs.VAR_HANDLE, Refs.JLS_17_7);
            why = """
                    VarHandle javadoc: only plain get and set are limited to atomicity for references and
                    values of at most 32 bits; opaque, acquire and release accesses are bitwise atomic for
                    every type. A torn value is FORBIDDEN.
                    """;
        }
        String field = switch (mode) {
            case PLAIN -> "a plain " + t.word() + " field";
            case VOLATILE -> "a volatile " + t.word() + " field";
            case OPAQUE -> t.withArticle() + " field with VarHandle.setOpaque";
            case ACQUIRE_RELEASE -> t.withArticle() + " field with VarHandle.setRelease";
        };
        String reads = switch (mode) {
            case PLAIN, VOLATILE -> "";
            case OPAQUE -> " with getOpaque";
            case ACQUIRE_RELEASE -> " with getAcquire";
        };
        String intro = "One thread writes " + v.written() + " to " + field + ";\nthe other thread reads it once"
                + reads + "." + (v.note().isEmpty() ? "" : "\nThe value has " + v.note() + ".") + "\n\n";
        return m.description(description).refs(refs).explanation(intro + why);
    }
}
