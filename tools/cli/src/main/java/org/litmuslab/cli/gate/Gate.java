package org.litmuslab.cli.gate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.PlatformClaims;
import org.litmuslab.cli.jcstress.Machine;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;
import org.openjdk.jcstress.annotations.Expect;

/**
 * The checks of {@code litmus gate} and {@code litmus run --fail-on} over a {@link Summary}: FORBIDDEN outcomes
 * observed, errors, and racy variants whose {@code @ObservedOn} claim for the run's architecture did not hold.
 */
public final class Gate {

    /** One thing the gate fails on: which check, which test, and what happened. */
    public record Violation(Check check, String test, String detail) {
        @Override
        public String toString() {
            return check + ": " + test + ": " + detail;
        }
    }

    private Gate() {
    }

    /** The violations of the requested checks, in check order, then by test name. */
    public static List<Violation> check(Summary summary, Set<Check> checks, PlatformClaims claims) {
        List<Violation> found = new ArrayList<>();
        if (checks.contains(Check.FORBIDDEN)) {
            for (TestSummary t : summary.tests()) {
                for (OutcomeResult o : t.outcomes()) {
                    if (o.expect() == Expect.FORBIDDEN && o.samples() > 0) {
                        found.add(new Violation(Check.FORBIDDEN, t.name(), String.format(
                                "outcome [%s] seen %,d times in %,d samples (%s)", o.id(), o.samples(), t.samples(),
                                o.description())));
                    }
                }
            }
        }
        if (checks.contains(Check.ERROR)) {
            for (TestSummary t : summary.tests()) {
                if (t.status() == TestStatus.ERROR) {
                    found.add(new Violation(Check.ERROR, t.name(), t.reason() == null ? "error" : t.reason()));
                }
            }
        }
        if (checks.contains(Check.UNSEEN_INTERESTING)) {
            String arch = arch(summary);
            for (TestSummary t : summary.tests()) {
                boolean ran = t.samples() > 0 && t.status() != TestStatus.NOT_RUN && t.status() != TestStatus.UNGRADED;
                boolean seen = t.outcomes().stream()
                        .anyMatch(o -> o.expect() == Expect.ACCEPTABLE_INTERESTING && o.samples() > 0);
                if (ran && !seen && claims.claims(t.name(), arch)) {
                    found.add(new Violation(Check.UNSEEN_INTERESTING, t.name(), String.format(
                            "claims @ObservedOn(\"%s\") but showed no interesting outcome in %,d samples",
                            arch, t.samples())));
                }
            }
        }
        return found;
    }

    /**
     * The architecture the results came from, spelled as {@code @ObservedOn} spells it; this machine's when the
     * dumps do not say. Dumps from several architectures cannot be checked for claims together.
     */
    static String arch(Summary summary) {
        Set<String> archs = new TreeSet<>();
        for (RunEnvironment e : summary.environments()) {
            String a = e.arch();
            if (a != null && !a.equals("unknown")) {
                archs.add(Machine.arch(a));
            }
        }
        if (archs.size() > 1) {
            throw new UserException("the dumps come from several architectures (" + String.join(", ", archs)
                    + "); check unseen-interesting on the dumps of one architecture at a time");
        }
        return archs.isEmpty() ? Machine.arch() : archs.iterator().next();
    }

    /** Prints one line per violation and a closing line; returns whether there was none. */
    public static boolean report(List<Violation> violations, Set<Check> checks, int tests, String who,
                                 PrintWriter out) {
        for (Violation v : violations) {
            out.printf("%s: FAIL %s%n", who, v);
        }
        if (violations.isEmpty()) {
            out.printf("%s: ok: %d tests, none failed on %s%n", who, tests, String.join(", ",
                    checks.stream().map(Check::id).toList()));
        } else {
            Map<Check, Integer> per = new EnumMap<>(Check.class);
            violations.forEach(v -> per.merge(v.check(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            per.forEach((c, n) -> parts.add(n + " " + c.id()));
            out.printf("%s: failed: %s, in %d of %d tests%n", who, String.join(", ", parts),
                    violations.stream().map(Violation::test).distinct().count(), tests);
        }
        out.flush();
        return violations.isEmpty();
    }
}
