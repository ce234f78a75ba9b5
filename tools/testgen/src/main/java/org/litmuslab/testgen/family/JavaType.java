package org.litmuslab.testgen.family;

/**
 * Matrix axis: the Java types a family can be generated for. Only what a type is; the value a family writes and
 * how it records what was read belong to the family.
 */
public enum JavaType {
    BOOLEAN("boolean", "Boolean", false),
    BYTE("byte", "Byte", false),
    SHORT("short", "Short", false),
    CHAR("char", "Char", false),
    INT("int", "Int", false),
    LONG("long", "Long", true),
    FLOAT("float", "Float", false),
    DOUBLE("double", "Double", true),
    /** A reference; the families use {@code String} fields so that results print as readable words. */
    REFERENCE("String", "Reference", false);

    private final String java;
    private final String classPrefix;
    private final boolean wide;

    JavaType(String java, String classPrefix, boolean wide) {
        this.java = java;
        this.classPrefix = classPrefix;
        this.wide = wide;
    }

    /** The type as written in the generated source, e.g. {@code long} or {@code String}. */
    public String java() {
        return java;
    }

    /** The start of a generated class name, e.g. {@code Long} in {@code LongAccess}. */
    public String classPrefix() {
        return classPrefix;
    }

    /**
     * True for the 64-bit primitives, {@code long} and {@code double}: the only types whose plain (non-volatile)
     * writes the JMM lets an implementation split into two 32-bit writes (JLS 17.7).
     */
    public boolean isWide() {
        return wide;
    }

    /** The word with its indefinite article, e.g. {@code an int}, {@code a long}. */
    public String withArticle() {
        return (this == INT ? "an " : "a ") + word();
    }

    /** The word used in descriptions, e.g. {@code long}, {@code reference}. */
    public String word() {
        return this == REFERENCE ? "reference" : java;
    }
}
