package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.jcstress.JcstressProcess;

/**
 * {@code litmus bench detection} end to end on the built jar, kept short with --seconds 1. The jar is named by a
 * relative path, as users type it, so the jcstress child JVM (started in another directory) must still find it.
 */
class BenchDetectionIT {

    @Test
    void measuresBothMethodsAndEndsWithTheRatio() throws Exception {
        Path jar = LitmusJar.jar().toAbsolutePath();
        Path dir = jar.getParent();
        Path log = Files.createTempFile(dir, "bench-it-", ".out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.getFileName().toString(), "bench", "detection", "--seconds", "1")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            JcstressProcess.kill(p);
            throw new AssertionError("litmus bench detection --seconds 1 did not finish in 5 minutes; output in " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("ratio litmus/seed-style: ");
        assertThat(output).contains("the locked version never failed");
        assertThat(output).containsPattern("(?m)^seed-style: [0-9.,]+ detections/s$")
                .containsPattern("(?m)^litmus: [0-9.,]+ detections/s$");
        // Even one second of sampling catches lost updates; zero would mean the run or the parsing is broken.
        Matcher lost = Pattern.compile("litmus: [0-9,]+ samples, ([0-9,]+) lost updates").matcher(output);
        assertThat(lost.find()).as(output).isTrue();
        assertThat(Long.parseLong(lost.group(1).replace(",", ""))).as(output).isPositive();
    }
}
