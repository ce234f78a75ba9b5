package org.litmuslab.testgen.family;

/** Matrix axis of the increment family: how two threads each add one to a shared counter. */
public enum IncrementMode {
    /** {@code v++} on a plain field. */
    PLAIN("plain"),
    /** {@code v++} on a volatile field. */
    VOLATILE("volatiles"),
    /** {@code setOpaque(getOpaque() + 1)} through a VarHandle. */
    OPAQUE("opaque"),
    /** {@code setRelease(getAcquire() + 1)} through a VarHandle. */
    ACQUIRE_RELEASE("acqrel"),
    /** {@code VarHandle.getAndAdd(this, 1)}. */
    GET_AND_ADD("getandadd"),
    /** {@code AtomicInteger} / {@code AtomicLong} {@code incrementAndGet()}. */
    ATOMIC("atomic"),
    /** {@code v++} inside {@code synchronized (this)}. */
    SYNCHRONIZED("sync"),
    /** {@code v++} between {@code ReentrantLock.lock()} and {@code unlock()}. */
    LOCK("lock"),
    /** {@code LongAdder.increment()}; a long counter only. */
    ADDER("adder");

    private final String packageName;

    IncrementMode(String packageName) {
        this.packageName = packageName;
    }

    /** The package segment of the generated tests of this mode. */
    public String packageName() {
        return packageName;
    }
}
