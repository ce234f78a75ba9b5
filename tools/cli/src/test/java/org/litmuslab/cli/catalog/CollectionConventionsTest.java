package org.litmuslab.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The conventions of ../shared/STYLE.md §1, checked over every test of all three modules. */
class CollectionConventionsTest {

    private final TestCatalog catalog = TestCatalog.fromClassPath();

    @Test
    void everyModuleContributesTests() {
        assertThat(catalog.all().stream().map(LitmusTest::topic).collect(Collectors.toSet()))
                .containsAll(Conventions.TOPICS);
    }

    @Test
    void everyTestFollowsTheConventions() throws ClassNotFoundException {
        List<Conventions.Violation> violations = new ArrayList<>();
        for (LitmusTest t : catalog.all()) {
            violations.addAll(Conventions.check(Class.forName(t.binaryName())));
        }
        assertThat(violations)
                .withFailMessage(() -> "Litmus tests break the conventions (../shared/STYLE.md §1):\n  "
                        + violations.stream().map(Object::toString).collect(Collectors.joining("\n  ")))
                .isEmpty();
    }

    @Test
    void everyTestListEntryHasItsOutcomesAndActors() {
        for (LitmusTest t : catalog.all()) {
            assertThat(t.outcomes()).as(t.name()).isNotEmpty();
            assertThat(t.actors()).as(t.name()).isNotEmpty();
            assertThat(t.description()).as(t.name()).isNotBlank();
        }
    }
}
