package org.litmuslab.visibility.shared;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * VarHandle look-ups for the lessons, so that each variant states in one line which field it accesses in which mode
 * instead of repeating the checked-exception dance of {@link MethodHandles.Lookup#findVarHandle}.
 */
public final class Handles {

    private Handles() {
    }

    /** A VarHandle for the instance field {@code name} of the class that created {@code lookup}. */
    public static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        return field(lookup, lookup.lookupClass(), name, type);
    }

    /** A VarHandle for the instance field {@code name} of {@code owner}, as seen from {@code lookup}. */
    public static VarHandle field(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no field " + owner.getName() + "." + name + " of type " + type, e);
        }
    }
}
