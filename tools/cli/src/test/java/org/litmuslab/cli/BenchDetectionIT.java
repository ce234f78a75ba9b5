package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code litmus bench detection} end to end on the built jar, kept short with --seconds 1. */
class BenchDetectionIT {

    @Test
    void measuresBothMethodsAndEndsWithTheRatio() throws Exception {
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(5), Path.of("target", "it-work"),
                "bench", "detection", "--seconds", "1");
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = r.output().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("ratio litmus/seed-style: ");
        assertThat(r.output()).contains("the locked version never failed");

        Matcher seed = Pattern.compile("(?m)^seed-style: ([0-9.,]+) detections/s$").matcher(r.output());
        Matcher litmus = Pattern.compile("(?m)^litmus: ([0-9.,]+) detections/s$").matcher(r.output());
        assertThat(seed.find()).as(r.output()).isTrue();
        assertThat(litmus.find()).as(r.output()).isTrue();
        // Even one second of sampling catches lost updates; zero would mean the run or the parsing is broken.
        Matcher lost = Pattern.compile("litmus: [0-9,]+ samples, ([0-9,]+) lost updates").matcher(r.output());
        assertThat(lost.find()).as(r.output()).isTrue();
        assertThat(Long.parseLong(lost.group(1).replace(",", ""))).as(r.output()).isPositive();
    }
}
