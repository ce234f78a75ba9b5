package org.litmuslab.testgen.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.litmuslab.testgen.Templates;
import org.litmuslab.testgen.scaffold.LessonSkeleton.Spec;

class LessonSkeletonTest {

    @ParameterizedTest
    @ValueSource(strings = {"LostUpdate", "A", "Torn64Bit"})
    void acceptsUpperCamelIdentifiers(String name) {
        assertThat(LessonSkeleton.nameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lostUpdate", "Lost-Update", "Lost Update", "Counter_02_X", "9Lives", "", "Ünicode", "class"})
    void refusesOtherNames(String name) {
        assertThat(LessonSkeleton.nameProblem(name)).hasValueSatisfying(
                p -> assertThat(p).contains("'" + name + "'", "not a Java identifier in UpperCamelCase"));
    }

    @Test
    void nextNumberFollowsTheHighestLessonOfTheTopic() {
        List<String> files = List.of("Counter_01_LostUpdate.java", "Counter_04_Gap.java", "Visibility_09_X.java",
                "Counter_7_Bad.java", "shared", "Counter_05_Notes.txt");
        assertThat(LessonSkeleton.nextNumber("counter", files)).isEqualTo(5);
        assertThat(LessonSkeleton.nextNumber("deadlock", files)).isEqualTo(1);
        assertThat(LessonSkeleton.existingNumber("counter", "Gap", files)).contains(4);
        assertThat(LessonSkeleton.existingNumber("counter", "X", files)).isEmpty();
    }

    @Test
    void specNamesTheFileAndClass() {
        Spec s = new Spec("visibility", 3, "UnsafePublication", 2, "II", false);
        assertThat(s.className()).isEqualTo("Visibility_03_UnsafePublication");
        assertThat(s.relativePath())
                .isEqualTo("tests-visibility/src/main/java/org/litmuslab/visibility/Visibility_03_UnsafePublication.java");
        assertThat(s.variant()).isEqualTo("Racy");
    }

    @Test
    void specRefusesWhatCannotBeScaffolded() {
        assertThatThrownBy(() -> new Spec("locks", 1, "X", 2, "II", false)).hasMessageContaining("unknown module 'locks'");
        assertThatThrownBy(() -> new Spec("counter", 1, "x", 2, "II", false)).hasMessageContaining("UpperCamelCase");
        assertThatThrownBy(() -> new Spec("counter", 100, "X", 2, "II", false)).hasMessageContaining("01 to 99");
        assertThatThrownBy(() -> new Spec("counter", 1, "X", 0, "II", false)).hasMessageContaining("--actors must be 1 to 4");
        assertThatThrownBy(() -> new Spec("counter", 1, "X", 5, "II", false)).hasMessageContaining("--actors must be 1 to 4");
        assertThatThrownBy(() -> new Spec("counter", 1, "X", 2, "IQ", false)).hasMessageContaining("unknown result type 'IQ'");
        assertThatThrownBy(() -> new Spec("deadlock", 1, "X", 2, null, true)).hasMessageContaining("exactly one actor");
        assertThatThrownBy(() -> new Spec("deadlock", 1, "X", 1, "II", true)).hasMessageContaining("no result type");
    }

    @Test
    void skeletonGradesEverythingForbiddenUntilFilledIn() {
        String s = LessonSkeleton.render(new Spec("counter", 2, "TornRead", 3, "JJ", false), new Templates());
        assertThat(s).contains("public class Counter_02_TornRead {",
                "java -jar tests-counter/target/jcstress.jar -t Counter_02_TornRead",
                "@Outcome(id = \"0, 0\", expect = FORBIDDEN, desc = \"TODO:",
                "@Outcome(" + " ".repeat("id = \"0, 0\", ".length()) + "expect = FORBIDDEN, desc = \"TODO:",
                "public void actor3(JJ_Result r)", "record what it reads in r.r2",
                "record what it reads in one of r.r1 to r.r2", "import org.openjdk.jcstress.infra.results.JJ_Result;")
                .doesNotContain("expect = ACCEPTABLE", "Mode.Termination", "{{");
    }

    @Test
    void exampleIdsAreTheColumnsDefaults() {
        assertThat(LessonSkeleton.exampleId("I")).isEqualTo("0");
        assertThat(LessonSkeleton.exampleId("ZJDL")).isEqualTo("false, 0, 0.0, null");
    }
}
