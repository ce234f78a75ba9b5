package org.litmuslab.cli.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.OutcomeSpec;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * Grades observed outcome counts against a test's {@code @Outcome}s exactly as jcstress 0.16 does
 * ({@code TestGrading}): an exact id match first, then the first matching id pattern, else the catch-all (FORBIDDEN
 * when the test declares none); every declared outcome never seen is listed with 0 samples; rows sorted by id.
 *
 * <p>The matching and pass rules are jcstress's own ({@link TestInfo}, {@link StateCase},
 * {@link TestGrading#passed}); only the loop is ours, because {@code TestGrading.grade} looks tests up in the
 * TestList on jcstress's own class path, and {@code --tests-jar} grades tests from another jar.
 */
final class Grader {

    /** A graded table. */
    record Graded(List<OutcomeResult> outcomes, boolean passed, boolean interesting, List<String> failures) {
    }

    private final TestInfo info; // null: ungraded

    private Grader(TestInfo info) {
        this.info = info;
    }

    /** Grades against the test's outcomes, built into jcstress's TestInfo as jcstress's TestList does. */
    static Grader of(LitmusTest t) {
        TestInfo info = new TestInfo(t.name(), t.binaryName(), null, t.description(), t.actors().size(), t.actors(),
                false);
        for (OutcomeSpec o : t.outcomes()) {
            for (String id : o.ids()) {
                try {
                    info.addCase(new StateCase(Pattern.compile(id), o.expect(), o.description()));
                } catch (PatternSyntaxException e) {
                    throw new UserException("test " + t.name() + " has @Outcome id '" + id
                            + "', which is not a regular expression jcstress can match: " + e.getDescription());
                }
            }
        }
        return new Grader(info);
    }

    /** For results of a test the catalog does not know: every outcome UNKNOWN, nothing passed or failed. */
    static Grader ungraded() {
        return new Grader(null);
    }

    Graded grade(Map<String, Long> counts) {
        long total = 0;
        for (long c : counts.values()) {
            total += c;
        }
        TreeMap<String, OutcomeResult> rows = new TreeMap<>();
        if (info == null) {
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                rows.put(e.getKey(), OutcomeResult.of(e.getKey(), Expect.UNKNOWN, null, e.getValue(), total));
            }
            return new Graded(List.copyOf(rows.values()), true, false, List.of());
        }
        boolean passed = true;
        boolean interesting = false;
        List<String> failures = new ArrayList<>();
        List<StateCase> unseen = new ArrayList<>(info.cases());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String id = e.getKey();
            StateCase matched = null;
            for (StateCase c : info.cases()) {
                if (c.matchesExactly(id)) {
                    matched = c;
                    break;
                }
            }
            if (matched == null) {
                for (StateCase c : info.cases()) {
                    if (c.matches(id)) {
                        matched = c;
                        break;
                    }
                }
            }
            if (matched != null) {
                unseen.remove(matched);
            } else {
                matched = info.unmatched();
            }
            long count = e.getValue();
            passed &= TestGrading.passed(matched.expect(), count);
            interesting |= matched.expect() == Expect.ACCEPTABLE_INTERESTING && count != 0;
            String failure = TestGrading.failureMessage(id, matched.expect(), count, matched.description());
            if (failure != null) {
                failures.add(failure);
            }
            rows.put(id, OutcomeResult.of(id, matched.expect(), matched.description(), count, total));
        }
        for (StateCase c : unseen) {
            passed &= TestGrading.passed(c.expect(), 0);
            rows.put(c.matchPattern(), OutcomeResult.of(c.matchPattern(), c.expect(), c.description(), 0, total));
        }
        return new Graded(List.copyOf(rows.values()), passed, interesting, failures);
    }
}
