package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.TestCatalog;

class RunLabelsTest {

    private static Summary summary(String dump) {
        return new Summarizer(TestCatalog.fromJar(Dumps.testsJar())).addDump(Dumps.dump(dump)).summarize();
    }

    @Test
    void defaultsAreArchAndJdkFromTheDump() {
        assertThat(RunLabels.defaults(List.of(summary("compare-jdk17"), summary("compare-jdk25"))))
                .containsExactly("x86_64 JDK17", "x86_64 JDK25");
    }

    @Test
    void defaultsAreMadeUnique() {
        // teach and quick: both JDK 17.0.15 on this machine, nothing tells them apart but their order
        assertThat(RunLabels.defaults(List.of(summary("teach"), summary("compare-jdk25"), summary("quick"))))
                .containsExactly("x86_64 JDK17 #1", "x86_64 JDK25", "x86_64 JDK17 #2");
    }

    private static Summary machine(String arch, String os, String jdk) {
        RunEnvironment e = new RunEnvironment(Map.of("os.arch", arch, "os.name", os, "os.version", "1.0",
                "java.version", jdk), 4);
        return new Summary(List.of(), List.of(e), List.of(), List.of(), Summarizer.group("all", List.of()));
    }

    /** The matrix: Linux ARM64 and macOS ARM64 both say aarch64; the OS tells them apart, then the JDK version. */
    @Test
    void theMatrixRunnersGetLabelsOfTheirOwn() {
        assertThat(RunLabels.defaults(List.of(machine("amd64", "Linux", "21.0.5"), machine("aarch64", "Linux", "21.0.5"),
                machine("aarch64", "Mac OS X", "21.0.5"), machine("aarch64", "Mac OS X", "21.0.6"),
                machine("x86_64", "Mac OS X", "25"))))
                .containsExactly("x86_64 JDK21", "aarch64 JDK21 Linux", "aarch64 JDK21 Mac OS X 21.0.5",
                        "aarch64 JDK21 Mac OS X 21.0.6", "x86_64 JDK25");
    }

    @Test
    void featureReleaseAndArch() {
        assertThat(RunLabels.feature("17.0.15")).isEqualTo("17");
        assertThat(RunLabels.feature("25")).isEqualTo("25");
        assertThat(RunLabels.feature("26-ea")).isEqualTo("26");
        assertThat(RunLabels.feature("1.8.0_402")).isEqualTo("8");
    }

    @Test
    void givenLabelsMustFit() {
        assertThat(RunLabels.given(List.of(" a", "b "), 2)).containsExactly("a", "b");
        assertThatThrownBy(() -> RunLabels.given(List.of("a"), 2)).isInstanceOf(UserException.class)
                .hasMessage("--labels names 1 run but 2 dumps were given; give one label per dump, in the same order");
        assertThatThrownBy(() -> RunLabels.given(List.of("a", "a"), 2)).isInstanceOf(UserException.class)
                .hasMessage("--labels names 'a' twice; each run needs its own label");
        assertThatThrownBy(() -> RunLabels.given(List.of("a", " "), 2)).isInstanceOf(UserException.class)
                .hasMessageStartingWith("--labels has an empty label");
    }
}
