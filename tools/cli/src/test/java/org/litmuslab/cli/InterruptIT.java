package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Stopping {@code litmus run} as Ctrl-C or {@code kill} does (SIGINT and SIGTERM both run the JVM's shutdown hooks):
 * jcstress and every fork die with it, and the summary of what finished is still written.
 */
class InterruptIT {

    @Test
    void stoppingARunKillsJcstressAndItsForksAndKeepsTheSummary() throws Exception {
        Path work = Path.of("target", "it-work").toAbsolutePath();
        Path out = work.resolve("run-interrupted");
        Files.createDirectories(work);
        if (Files.exists(out)) { // a log of an earlier run would end the wait below at once
            try (var old = Files.walk(out)) {
                for (Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Path console = work.resolve("run-interrupted.out");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                LitmusJar.jar().toAbsolutePath().toString(), "run", "--tests", "Counter_0[12]", "--out", out.toString(),
                "--force", "--progress", "lines");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            // wait until a fork of jcstress runs a test, so there is a whole tree to stop
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline && p.isAlive()) {
                p.descendants().forEach(d -> {
                    if (!tree.contains(d)) {
                        tree.add(d);
                    }
                });
                if (Files.exists(out.resolve("jcstress.log"))
                        && Files.readString(out.resolve("jcstress.log"), StandardCharsets.UTF_8).contains("[OK] org.litmuslab.")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(p.isAlive()).as("litmus run still running when its first result is in").isTrue();
            p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C's SIGINT
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("litmus run ends after the signal").isTrue();
        } finally {
            p.destroyForcibly();
        }

        String output = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(tree).as("jcstress and its forks were seen").isNotEmpty();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
        assertThat(tree.stream().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")))
                .as(output).isEmpty();
        assertThat(output).contains("litmus: interrupted after", "interrupted; the results of what finished are in");
        assertThat(out.resolve("summary.txt")).content()
                .contains("the run was stopped (Ctrl-C or a signal) before it ran");
        assertThat(out.resolve("summary.json")).isRegularFile();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("jcstress-results-") && n.endsWith(".bin.gz"));
        }
    }
}
