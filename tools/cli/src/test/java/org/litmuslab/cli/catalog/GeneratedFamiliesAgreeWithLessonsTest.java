package org.litmuslab.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jcstress.annotations.Expect;

/**
 * Where a generated family covers what a hand-written lesson teaches, both must grade every outcome alike: a family
 * cell and a lesson variant that disagree mean one of them is wrong about the JMM. Compared through the TestList
 * entries, as jcstress grades.
 */
class GeneratedFamiliesAgreeWithLessonsTest {

    private final TestCatalog catalog = TestCatalog.fromClassPath();

    /** The grade jcstress gives a result: the outcome listing it, else the catch-all, else none. */
    static Optional<Expect> grade(LitmusTest test, String id) {
        return test.outcomes().stream().filter(o -> o.ids().contains(id)).map(OutcomeSpec::expect).findFirst()
                .or(() -> test.outcomes().stream().filter(OutcomeSpec::isCatchAll).map(OutcomeSpec::expect).findFirst());
    }

    private LitmusTest test(String name) {
        return catalog.find(name).orElseThrow(() -> new AssertionError(name + " is not in any TestList"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "org.litmuslab.counter.generated.plain.IntIncrement,           org.litmuslab.counter.Counter_01_LostUpdate.Racy",
            "org.litmuslab.counter.generated.atomic.IntIncrement,          org.litmuslab.counter.Counter_01_LostUpdate.Atomic",
            "org.litmuslab.visibility.generated.sb.plain.IntStoreBuffering,     org.litmuslab.visibility.Visibility_01_StoreBuffering.Plain",
            "org.litmuslab.visibility.generated.sb.volatiles.IntStoreBuffering, org.litmuslab.visibility.Visibility_01_StoreBuffering.Volatile"})
    void generatedCellGradesEveryOutcomeAsTheLessonDoes(String generated, String lesson) {
        LitmusTest g = test(generated);
        LitmusTest l = test(lesson);
        Set<String> ids = new LinkedHashSet<>();
        l.outcomes().forEach(o -> ids.addAll(o.ids()));
        g.outcomes().forEach(o -> ids.addAll(o.ids()));
        ids.remove("");
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            assertThat(grade(g, id)).as("grade of '%s' in %s vs %s", id, generated, lesson).isEqualTo(grade(l, id));
        }
        assertThat(g.actors()).hasSameSizeAs(l.actors());
    }

    @Test
    void theComparedOutcomesIncludeTheOnesTheLessonsAreAbout() {
        assertThat(grade(test("org.litmuslab.counter.generated.plain.IntIncrement"), "1"))
                .contains(Expect.ACCEPTABLE_INTERESTING);
        assertThat(grade(test("org.litmuslab.counter.generated.atomic.IntIncrement"), "1")).contains(Expect.FORBIDDEN);
        assertThat(grade(test("org.litmuslab.visibility.generated.sb.plain.IntStoreBuffering"), "0, 0"))
                .contains(Expect.ACCEPTABLE_INTERESTING);
        assertThat(grade(test("org.litmuslab.visibility.generated.sb.volatiles.IntStoreBuffering"), "0, 0"))
                .contains(Expect.FORBIDDEN);
    }

    @Test
    void thereAreAtLeastFortyGeneratedTestsInTheCollection() {
        assertThat(catalog.select("\\.generated\\.")).hasSizeGreaterThanOrEqualTo(40);
    }
}
