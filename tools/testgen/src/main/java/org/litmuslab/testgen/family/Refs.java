package org.litmuslab.testgen.family;

/** The {@code @Ref} targets of the generated families: the JLS sections and javadoc their grades follow. */
final class Refs {
    private static final String JLS = "https://docs.oracle.com/javase/specs/jls/se17/html/";
    private static final String API = "https://docs.oracle.com/en/java/javase/17/docs/api/java.base/";

    /** Synchronization: monitors. */
    static final String JLS_17_1 = JLS + "jls-17.html#jls-17.1";
    /** The memory model. */
    static final String JLS_17_4 = JLS + "jls-17.html#jls-17.4";
    /** Synchronization order: one total order of volatile accesses and monitor actions. */
    static final String JLS_17_4_4 = JLS + "jls-17.html#jls-17.4.4";
    /** Happens-before order. */
    static final String JLS_17_4_5 = JLS + "jls-17.html#jls-17.4.5";
    /** Word tearing: every field is its own memory location. */
    static final String JLS_17_6 = JLS + "jls-17.html#jls-17.6";
    /** Non-atomic treatment of double and long. */
    static final String JLS_17_7 = JLS + "jls-17.html#jls-17.7";
    /** Postfix increment: read, add, write. */
    static final String JLS_15_14_2 = JLS + "jls-15.html#jls-15.14.2";

    static final String VAR_HANDLE = API + "java/lang/invoke/VarHandle.html";
    static final String ATOMIC_PACKAGE = API + "java/util/concurrent/atomic/package-summary.html";
    static final String LOCK = API + "java/util/concurrent/locks/Lock.html";
    static final String LONG_ADDER = API + "java/util/concurrent/atomic/LongAdder.html";

    private Refs() {
    }
}
