package org.litmuslab.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.fixtures.Broken_01_Fixtures;
import org.litmuslab.cli.fixtures.NotALesson;

class ConventionsTest {

    private static List<String> rules(Class<?> c) {
        return Conventions.check(c).stream().map(Conventions.Violation::rule).toList();
    }

    @Test
    void aGoodTestPasses() {
        assertThat(Conventions.check(Broken_01_Fixtures.Good.class)).isEmpty();
    }

    @Test
    void missingDescriptionIsNamed() {
        List<Conventions.Violation> v = Conventions.check(Broken_01_Fixtures.NoDescription.class);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.testClass()).endsWith("Broken_01_Fixtures$NoDescription");
            assertThat(x.rule()).contains("no @Description");
        });
    }

    @Test
    void emptyOutcomeDescIsNamed() {
        assertThat(rules(Broken_01_Fixtures.EmptyDesc.class)).singleElement().asString()
                .contains("@Outcome [0, 0] has an empty desc");
    }

    @Test
    void aTestMustGradeSomething() {
        assertThat(rules(Broken_01_Fixtures.NoOutcomes.class)).singleElement().asString().contains("grades no outcome");
    }

    @Test
    void idsTheResultTypeCannotProduceAreFlagged() {
        assertThat(rules(Broken_01_Fixtures.ImpossibleIds.class)).containsExactly(
                "@Outcome [0] can never occur: II_Result has 2 value(s), the id has 1",
                "@Outcome [0, x] can never occur: 'x' is not a value of a int result column");
        assertThat(rules(Broken_01_Fixtures.BooleanColumn.class)).containsExactly(
                "@Outcome [1, null] can never occur: '1' is not a value of a boolean result column");
    }

    @Test
    void catchAllAcceptableIsRefused() {
        assertThat(rules(Broken_01_Fixtures.AcceptableCatchAll.class)).singleElement().asString()
                .contains("catch-all @Outcome is ACCEPTABLE");
    }

    @Test
    void terminationTestsOnlyHaveTerminationIds() {
        assertThat(rules(Broken_01_Fixtures.TerminationIds.class)).singleElement().asString()
                .contains("only produces TERMINATED or STALE");
    }

    @Test
    void aRefIsRequired() {
        assertThat(rules(Broken_01_Fixtures.NoRef.class)).singleElement().asString().contains("no @Ref");
    }

    @Test
    void lessonNamesFollowTopicNumberLesson() {
        assertThat(rules(NotALesson.Variant.class)).singleElement().asString()
                .contains("NotALesson is not named <Topic>_<NN>_<Lesson>");
    }
}
