package org.litmuslab.testgen.family;

import java.util.Locale;

/**
 * Matrix axis: how a field is read and written. {@link #OPAQUE} and {@link #ACQUIRE_RELEASE} go through a
 * {@code VarHandle} on a plain field; {@link #VOLATILE} is a volatile field; {@link #PLAIN} a plain field.
 */
public enum AccessMode {
    PLAIN("plain", "Plain"),
    /** Package {@code volatiles}: {@code volatile} is a keyword. */
    VOLATILE("volatiles", "Volatile"),
    OPAQUE("opaque", "Opaque"),
    /** {@code setRelease} for writes, {@code getAcquire} for reads. */
    ACQUIRE_RELEASE("acqrel", "Release/acquire");

    private final String packageName;
    private final String adjective;

    AccessMode(String packageName, String adjective) {
        this.packageName = packageName;
        this.adjective = adjective;
    }

    /** The package segment of the generated tests of this mode. */
    public String packageName() {
        return packageName;
    }

    /** The mode as the first word of a description, e.g. {@code Release/acquire}. */
    public String adjective() {
        return adjective;
    }

    public boolean usesVarHandle() {
        return this == OPAQUE || this == ACQUIRE_RELEASE;
    }

    /** The field declaration, e.g. {@code volatile long x;}. */
    public String declare(JavaType type, String field) {
        return (this == VOLATILE ? "volatile " : "") + type.java() + " " + field + ";";
    }

    /** The name of the VarHandle of a field: the field's name in upper case. */
    public static String handle(String field) {
        return field.toUpperCase(Locale.ROOT);
    }

    /** A statement writing {@code value} to {@code field} in this mode. */
    public String write(String field, String value) {
        return switch (this) {
            case PLAIN, VOLATILE -> field + " = " + value + ";";
            case OPAQUE -> handle(field) + ".setOpaque(this, " + value + ");";
            case ACQUIRE_RELEASE -> handle(field) + ".setRelease(this, " + value + ");";
        };
    }

    /** An expression reading {@code field} of the given type in this mode. */
    public String read(JavaType type, String field) {
        return switch (this) {
            case PLAIN, VOLATILE -> field;
            case OPAQUE -> "(" + type.java() + ") " + handle(field) + ".getOpaque(this)";
            case ACQUIRE_RELEASE -> "(" + type.java() + ") " + handle(field) + ".getAcquire(this)";
        };
    }
}
