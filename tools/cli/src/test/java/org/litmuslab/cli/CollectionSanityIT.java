package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.jcstress.ConsoleParser;

/**
 * Every test of the collection, run through jcstress in sanity mode under one JVM configuration: the build fails on
 * any FAILED test (a FORBIDDEN outcome) or any error (test error, TIMEOUT, VM error). Interesting outcomes are fine.
 * A wall-clock bound keeps a hanging test from hanging the build.
 */
class CollectionSanityIT {

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
        AtomicReference<ConsoleParser.Counters> last = new AtomicReference<>();
        ConsoleParser parser = new ConsoleParser(new ConsoleParser.Listener() {
            @Override
            public void counters(ConsoleParser.Counters counters) {
                last.set(counters);
            }
        });
        Files.readAllLines(out.resolve("jcstress.log"), StandardCharsets.UTF_8).forEach(parser::line);
        parser.flush();
        ConsoleParser.Counters c = last.get();
        assertThat(c).as("jcstress's final results line in %s", out.resolve("jcstress.log")).isNotNull();
        List<String> problems = new java.util.ArrayList<>();
        if (c.planned() != c.passed()) {
            problems.add(c.passed() + " of " + c.planned() + " planned results passed");
        }
        if (c.failed() != 0) {
            problems.add(c.failed() + " FAILED (a FORBIDDEN outcome was observed)");
        }
        if (c.softErrors() != 0 || c.hardErrors() != 0) {
            problems.add(c.softErrors() + " soft and " + c.hardErrors()
                    + " hard errors (test error, TIMEOUT or VM error)");
        }
        assertThat(problems).withFailMessage(() -> "Sanity run of the collection: " + String.join("; ", problems)
                + ". See the 'Failed tests' and 'Error tests' sections of " + out.resolve("jcstress.log")).isEmpty();
        assertThat(r.exitCode()).as("litmus run exit code").isZero();
    }
}
