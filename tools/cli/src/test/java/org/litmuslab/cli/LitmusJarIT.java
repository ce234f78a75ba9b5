package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;

/** The built litmus.jar, run as users run it. */
class LitmusJarIT {

    private static final Path WORK = Path.of("target", "it-work");

    @Test
    void jarHoldsEveryTestOfEveryModule() throws Exception {
        // The class path of this test holds each module's own TestList; litmus.jar must hold all of them appended.
        TestCatalog modules = TestCatalog.fromClassPath();
        TestCatalog merged = TestCatalog.fromJar(LitmusJar.jar());
        assertThat(merged.all().stream().map(LitmusTest::name))
                .containsExactlyElementsOf(modules.all().stream().map(LitmusTest::name).toList());
        Map<String, Long> perTopic = merged.all().stream()
                .collect(Collectors.groupingBy(LitmusTest::topic, Collectors.counting()));
        assertThat(perTopic).containsKeys("counter", "deadlock", "visibility");
    }

    @Test
    void listPrintsEveryTest() throws Exception {
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(1), WORK, "list");
        assertThat(r.exitCode()).isZero();
        TestCatalog.fromClassPath().all().forEach(t -> assertThat(r.output()).contains(t.name()));
    }

    @Test
    void helpExitsZero() throws Exception {
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(1), WORK, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("Usage: litmus", "run", "list");
    }
}
