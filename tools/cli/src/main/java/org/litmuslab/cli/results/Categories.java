package org.litmuslab.cli.results;

import java.util.List;

import org.openjdk.jcstress.annotations.Expect;

/**
 * Samples and observed outcomes per expectation category, for one test, one topic or the whole summary.
 *
 * @param acceptable  outcomes graded ACCEPTABLE
 * @param interesting outcomes graded ACCEPTABLE_INTERESTING
 * @param forbidden   outcomes graded FORBIDDEN
 * @param unknown     outcomes of ungraded tests
 */
public record Categories(Count acceptable, Count interesting, Count forbidden, Count unknown) {

    /**
     * @param samples  samples that produced an outcome of the category
     * @param outcomes distinct outcomes of the category that were observed at least once (summed over tests for a
     *                 topic or the totals)
     */
    public record Count(long samples, long outcomes) {
        public static final Count ZERO = new Count(0, 0);

        Count plus(Count o) {
            return new Count(samples + o.samples, outcomes + o.outcomes);
        }

        Count plus(long s) {
            return s > 0 ? new Count(samples + s, outcomes + 1) : this;
        }
    }

    public static final Categories NONE = new Categories(Count.ZERO, Count.ZERO, Count.ZERO, Count.ZERO);

    /** The counts of one table of outcomes. */
    public static Categories of(List<OutcomeResult> outcomes) {
        Categories c = NONE;
        for (OutcomeResult o : outcomes) {
            c = c.plus(o.expect(), o.samples());
        }
        return c;
    }

    public Categories plus(Categories o) {
        return new Categories(acceptable.plus(o.acceptable), interesting.plus(o.interesting),
                forbidden.plus(o.forbidden), unknown.plus(o.unknown));
    }

    /** The count of one category. */
    public Count get(Expect e) {
        return switch (e) {
            case ACCEPTABLE -> acceptable;
            case ACCEPTABLE_INTERESTING -> interesting;
            case FORBIDDEN -> forbidden;
            case UNKNOWN -> unknown;
        };
    }

    private Categories plus(Expect e, long samples) {
        return switch (e) {
            case ACCEPTABLE -> new Categories(acceptable.plus(samples), interesting, forbidden, unknown);
            case ACCEPTABLE_INTERESTING -> new Categories(acceptable, interesting.plus(samples), forbidden, unknown);
            case FORBIDDEN -> new Categories(acceptable, interesting, forbidden.plus(samples), unknown);
            case UNKNOWN -> new Categories(acceptable, interesting, forbidden, unknown.plus(samples));
        };
    }
}
