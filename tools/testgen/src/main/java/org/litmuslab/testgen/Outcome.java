package org.litmuslab.testgen;

import java.util.Objects;

/**
 * One graded outcome of a generated test: an {@code @Outcome} line.
 *
 * @param id    the result as jcstress prints it (e.g. {@code "0, 1"}), or null for the catch-all outcome
 * @param grade its grade
 * @param desc  what it means, one sentence
 */
public record Outcome(String id, Grade grade, String desc) {

    public Outcome {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(desc, "desc");
        if (desc.isBlank() || desc.contains("\"") || desc.contains("\n")) {
            throw new IllegalArgumentException("an outcome's desc is one non-empty line without quotes: " + desc);
        }
        if (id != null && (id.isEmpty() || id.contains("\""))) {
            throw new IllegalArgumentException("bad outcome id: " + id);
        }
    }

    /** The outcome without an id: grades every result no other outcome of the test lists. */
    public static Outcome catchAll(Grade grade, String desc) {
        return new Outcome(null, grade, desc);
    }

    public boolean isCatchAll() {
        return id == null;
    }
}
