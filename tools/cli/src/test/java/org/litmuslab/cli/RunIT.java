package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** `java -jar litmus.jar run` as users run it: real jcstress runs, kept short with pass-through options. */
class RunIT {

    private static final Path WORK = Path.of("target", "it-work");

    @Test
    void teachRunsTheSelectedTestsAndKeepsEveryOutput() throws Exception {
        Path out = WORK.resolve("run-teach").toAbsolutePath();
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(4), WORK, "run", "--tests", "Counter_01_LostUpdate.Racy$",
                "--out", out.toString(), "--force", "--progress", "lines", "--", "-time", "50");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("litmus: running 1 tests, preset teach (C2 only")
                .contains("counter.Counter_01_LostUpdate.Racy")
                .contains("litmus: ran 1 of 1 tests in")
                .contains("Results across all configurations:") // the printed text summary
                .contains("litmus run: ok: 1 tests, none failed on forbidden, error")
                .doesNotContain("Counter_01_LostUpdate.Atomic", "Java Concurrency Stress Tests");
        assertThat(out.resolve("html/index.html")).isRegularFile();
        assertThat(out.resolve("summary.txt")).content().contains("Counter_01_LostUpdate.Racy");
        assertThat(out.resolve("summary.json")).content().contains("\"schemaVersion\"", "Counter_01_LostUpdate.Racy");
        assertThat(out.resolve("summary.md")).isRegularFile();
        assertThat(out.resolve("summary.html")).content().contains("Counter_01_LostUpdate.Racy");
        String log = Files.readString(out.resolve("jcstress.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Time per iteration: 50 ms", "-XX:-TieredCompilation]");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bin.gz"))).hasSize(1);
        }
    }

    @Test
    void aJcstressPresetIsOnePassWithItsOwnMode() throws Exception {
        Path out = WORK.resolve("run-sanity").toAbsolutePath();
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(3), WORK, "run", "--preset", "sanity",
                "--tests", "Visibility_01_StoreBuffering\\.(Plain|Volatile)$", "--out", out.toString(), "--force",
                "--progress", "lines");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("litmus: running 2 tests, preset sanity", "ran 2 of 2 tests")
                .doesNotContain("pass 1 of");
        assertThat(out.resolve("html/index.html")).isRegularFile();
        assertThat(Files.readString(out.resolve("jcstress.log"), StandardCharsets.UTF_8))
                .contains("Test preset mode: \"sanity\"");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("jcstress-results-") && n.endsWith(".bin.gz"));
        }
    }
}
