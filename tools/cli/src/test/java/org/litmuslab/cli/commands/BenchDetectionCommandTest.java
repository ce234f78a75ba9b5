package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.counter.stress.SeedStyleLocked;
import org.litmuslab.counter.stress.SeedStyleRacy;

import picocli.CommandLine;

/** Parsing, usage errors and the arithmetic of {@code litmus bench detection}; BenchDetectionIT runs it for real. */
class BenchDetectionCommandTest {

    @Test
    void benchWithoutSubcommandIsAUsageError() {
        CliRunner.Run r = CliRunner.run("bench");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: ").contains("subcommand").doesNotContain("Exception");
    }

    @Test
    void helpNamesBothMethodsAndTheExitCodes() {
        CliRunner.Run r = CliRunner.run("bench", "detection", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--seconds", "seed-style", "Counter_01_LostUpdate.Racy", "Exit codes:");
        assertThat(CliRunner.run("--help").out()).contains("bench");
    }

    @Test
    void secondsOutOfRangeIsOneLineUsageError() {
        for (String bad : List.of("0", "-3", "3601")) {
            CliRunner.Run r = CliRunner.run("bench", "detection", "--seconds", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).isEqualTo("litmus: --seconds must be between 1 and 3600, not " + bad
                    + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void secondsMustBeANumber() {
        CliRunner.Run r = CliRunner.run("bench", "detection", "--seconds", "ten");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("litmus: ", "--seconds", "ten").doesNotContain("Exception");
    }

    @Test
    void parsesSecondsWithADefaultOfTen() {
        BenchDetectionCommand cmd = new BenchDetectionCommand();
        new CommandLine(cmd).parseArgs();
        assertThat(cmd.seconds).isEqualTo(10);
        new CommandLine(cmd).parseArgs("--seconds", "3");
        assertThat(cmd.seconds).isEqualTo(3);
    }

    @Test
    void theMeasuredTestExistsInTheCatalog() {
        assertThat(TestCatalog.fromClassPath().all())
                .anySatisfy(t -> assertThat(t.name()).isEqualTo(BenchDetectionCommand.TEST));
    }

    @Test
    void jcstressArgsSelectExactlyTheTestAndSplitTheTimeOverConfigurations() {
        List<String> args = BenchDetectionCommand.jcstressArgs(10, 2, Path.of("html"));
        Pattern p = Pattern.compile(args.get(args.indexOf("-t") + 1));
        assertThat(p.matcher(BenchDetectionCommand.TEST).find()).isTrue();
        assertThat(p.matcher(BenchDetectionCommand.TEST + "Twice").find()).isFalse();
        assertThat(args).contains("-v", "-jvmArgs").containsSequence("-time", "5000")
                .containsSequence("-f", "1").containsSequence("-iters", "1").containsSequence("-r", "html");
        assertThat(BenchDetectionCommand.perForkMillis(10, 1)).isEqualTo(10_000);
        assertThat(BenchDetectionCommand.perForkMillis(1, 20)).isEqualTo(100);
    }

    @Test
    void runForCountsWrongTotalsAndLostIncrementsUntilTimeIsUp() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        // Every third trial loses 5 increments.
        BenchDetectionCommand.Tally t = BenchDetectionCommand.runFor(
                () -> calls.incrementAndGet() % 3 == 0 ? 95 : 100, 100, TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(t.trials()).isEqualTo(calls.get()).isPositive();
        assertThat(t.wrong()).isEqualTo(calls.get() / 3);
        assertThat(t.lostIncrements()).isEqualTo(5L * (calls.get() / 3));
        assertThat(t.nanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void runForRunsAtLeastOneTrial() throws InterruptedException {
        assertThat(BenchDetectionCommand.runFor(() -> 7, 7, 0).trials()).isEqualTo(1);
    }

    @Test
    void ratioLineDividesTheRates() {
        // seed-style: 2 wrong in 10 s = 0.2/s; litmus 1,000,000/s.
        BenchDetectionCommand.Tally seed = new BenchDetectionCommand.Tally(500, 2, 40, 10_000_000_000L);
        assertThat(BenchDetectionCommand.ratioLine(1_000_000, seed)).isEqualTo("ratio litmus/seed-style: 5,000,000");
        assertThat(BenchDetectionCommand.ratioLine(0, seed)).isEqualTo("ratio litmus/seed-style: 0");
    }

    @Test
    void ratioLineIsALowerBoundWhenTheStressTestCaughtNothing() {
        BenchDetectionCommand.Tally seed = new BenchDetectionCommand.Tally(800, 0, 0, 4_000_000_000L);
        assertThat(BenchDetectionCommand.ratioLine(250_000, seed))
                .startsWith("ratio litmus/seed-style: >= 1,000,000 (")
                .contains("caught nothing in 800 trials, 4.0 s");
        assertThat(BenchDetectionCommand.ratioLine(0, seed))
                .isEqualTo("ratio litmus/seed-style: undefined (neither caught a lost update)");
    }

    @Test
    void ratesAreReadable() {
        assertThat(BenchDetectionCommand.rate(0)).isEqualTo("0");
        assertThat(BenchDetectionCommand.rate(0.0123)).isEqualTo("0.0123");
        assertThat(BenchDetectionCommand.rate(12.345)).isEqualTo("12.3");
        assertThat(BenchDetectionCommand.rate(1_234_567.8)).isEqualTo("1,234,568");
    }

    @Test
    void seedStylePortsKeepTheOriginalShape() throws InterruptedException {
        assertThat(SeedStyleRacy.THREADS).isEqualTo(100);
        assertThat(SeedStyleRacy.INCREMENTS).isEqualTo(1000);
        assertThat(SeedStyleLocked.trial()).isEqualTo(100_000);
        // The racy total is whatever the race left: at most every increment, at least 2 (the JMM minimum).
        assertThat(SeedStyleRacy.trial()).isBetween(2, 100_000);
    }
}
