package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every test of the collection, run through jcstress in sanity mode under one JVM configuration: the build fails on
 * any FAILED test (a FORBIDDEN outcome) or any error (test error, TIMEOUT, VM error). Interesting outcomes are fine.
 * A wall-clock bound keeps a hanging test from hanging the build.
 */
class CollectionSanityIT {

    /** jcstress's final progress line: planned / passed / failed / soft errors / hard errors. */
    private static final Pattern RESULTS = Pattern.compile(
            "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    @Test
    void everyTestPassesASanityRun() throws Exception {
        long minutes = Long.getLong("litmus.sanity.timeoutMinutes", 12);
        Path out = Path.of("target", "sanity-run").toAbsolutePath();
        LitmusJar.Run r = LitmusJar.run(Duration.ofMinutes(minutes + 1), Path.of("target"),
                "run", "--preset", "sanity", "--out", out.toString(), "--force", "--progress", "lines",
                "--timeout", Long.toString(minutes));

        if (r.output().contains("exceeded --timeout")) {
            fail("The sanity run of the whole collection exceeded its wall-clock bound of " + minutes
                    + " min (-Dlitmus.sanity.timeoutMinutes) and was stopped: a test may hang. Log: "
                    + out.resolve("jcstress.log"));
        }
        // litmus shows progress; jcstress's own console, with its results line, is in the run's jcstress.log
        Matcher m = RESULTS.matcher(Files.readString(out.resolve("jcstress.log"), StandardCharsets.UTF_8));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        assertThat(last).as("jcstress's final results line in %s", out.resolve("jcstress.log")).isNotNull();
        m = RESULTS.matcher(last);
        assertThat(m.matches()).isTrue();
        List<String> problems = new java.util.ArrayList<>();
        if (!m.group(1).equals(m.group(2))) {
            problems.add(m.group(2) + " of " + m.group(1) + " planned results passed");
        }
        if (!m.group(3).equals("0")) {
            problems.add(m.group(3) + " FAILED (a FORBIDDEN outcome was observed)");
        }
        if (!m.group(4).equals("0") || !m.group(5).equals("0")) {
            problems.add(m.group(4) + " soft and " + m.group(5) + " hard errors (test error, TIMEOUT or VM error)");
        }
        assertThat(problems).withFailMessage(() -> "Sanity run of the collection: " + String.join("; ", problems)
                + ". See the 'Failed tests' and 'Error tests' sections of " + out.resolve("jcstress.log")).isEmpty();
        assertThat(r.exitCode()).as("litmus run exit code").isZero();
    }
}
