package org.litmuslab.cli.catalog;

import java.util.List;

import org.openjdk.jcstress.annotations.Expect;

/**
 * One {@code @Outcome} of a test as recorded in its TestList entry.
 *
 * @param ids         the outcome's id patterns; empty for the catch-all outcome (jcstress's "unmatched" case)
 * @param expect      its grade
 * @param description its {@code desc}
 */
public record OutcomeSpec(List<String> ids, Expect expect, String description) {
    public OutcomeSpec {
        ids = List.copyOf(ids);
    }

    /** True for the outcome without an id, which grades every result no other outcome matches. */
    public boolean isCatchAll() {
        return ids.isEmpty() || ids.stream().allMatch(String::isEmpty);
    }
}
