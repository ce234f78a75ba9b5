package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.jcstress.ConsoleResults;
import org.litmuslab.cli.jcstress.JcstressProcess;
import org.litmuslab.cli.jcstress.Machine;
import org.litmuslab.counter.stress.SeedStyleLocked;
import org.litmuslab.counter.stress.SeedStyleRacy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litmus bench detection}: how often each way of testing catches the lost update of {@code count++}, per
 * second of wall time. (b) runs the litmus test {@code Counter_01_LostUpdate.Racy} through jcstress in a child JVM and
 * counts its lost-update samples; (a) then runs the seed-style stress program ({@link SeedStyleRacy}: 100 threads x
 * 1000 increments, start, join, check) over and over for the same wall time, counting trials with a wrong total; and
 * the locked version ({@link SeedStyleLocked}) for that time too, which must never fail.
 *
 * <p>The jcstress figure is divided by the whole wall time of the jcstress invocation, its start-up, VM probing and
 * fork start-ups included; the stress program runs in this JVM without any start-up cost. Both choices favour the
 * stress program.
 */
@Command(name = "detection", mixinStandardHelpOptions = true,
        description = {
                "Compares how fast two ways of testing catch the lost update of count++, for the same wall time.",
                "litmus: the jcstress test Counter_01_LostUpdate.Racy; lost-update samples per second of the whole "
                        + "jcstress run, start-up included.",
                "seed-style: the usual stress test, 100 threads x 1000 increments of a plain int, started, joined "
                        + "and checked, run again and again; wrong totals per second.",
                "The locked stress version runs as long and must never fail. Takes about 3 x (N + jcstress "
                        + "start-up) seconds; the last line printed is the ratio of the two rates."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the figures were measured and the locked version never failed",
                "1:the locked version produced a wrong total",
                "2:bad usage (e.g. --seconds out of range)",
                "3:jcstress failed or printed no result for the test, or fewer than 2 CPUs"})
public final class BenchDetectionCommand implements Callable<Integer> {

    /** The litmus test measured: two threads, one plain v++ each. */
    public static final String TEST = "org.litmuslab.counter.Counter_01_LostUpdate.Racy";
    static final int MAX_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
            description = "jcstress samples the litmus test for about N seconds (1..3600, default 10); the stress "
                    + "programs then get the jcstress run's whole wall time each.")
    int seconds;

    /** What running one stress program repeatedly caught. */
    record Tally(long trials, long wrong, long lostIncrements, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        double detectionsPerSecond() {
            return wrong / seconds();
        }
    }

    /** One run of a stress program, returning its final count. */
    @FunctionalInterface
    interface Trial {
        int run() throws InterruptedException;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new UserException("--seconds must be between 1 and " + MAX_SECONDS + ", not " + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Machine.cpus() < 2) {
            err.printf("litmus: bench detection needs 2 CPUs (jcstress skips a 2-actor test on fewer); "
                    + "this machine has %d%n", Machine.cpus());
            return ExitCode.INTERNAL.code();
        }
        int configs = jcstressVmConfigs();

        Path work = Files.createTempDirectory("litmus-bench-");
        List<String> args = jcstressArgs(seconds, configs, work.resolve("html"));
        out.printf(Locale.ROOT, "litmus bench detection: jcstress samples %s for ~%d s, then each stress program "
                + "runs for the jcstress run's wall time%n", TEST, seconds).flush();

        long start = System.nanoTime();
        JcstressProcess.Result run = JcstressProcess.run(args, work,
                Duration.ofSeconds(2L * seconds * configs + 300), line -> { });
        long litmusNanos = System.nanoTime() - start;
        if (run.timedOut() || run.exitCode() != 0) {
            err.printf("litmus: jcstress %s; its console is kept in %s%n",
                    run.timedOut() ? "did not finish in time and was stopped" : "exited with " + run.exitCode(),
                    run.log());
            return ExitCode.INTERNAL.code();
        }
        List<String> console = Files.readAllLines(run.log(), StandardCharsets.UTF_8);
        ConsoleResults.TestTable table;
        try {
            table = ConsoleResults.find(console, TEST).orElse(null);
        } catch (IllegalArgumentException e) {
            table = null;
            err.println("litmus: cannot read jcstress's result table: " + e.getMessage());
        }
        if (table == null || table.rows().isEmpty()) {
            err.printf("litmus: jcstress printed no result table for %s; its console is kept in %s%n", TEST, run.log());
            return ExitCode.INTERNAL.code();
        }
        long lost = table.interestingSamples();
        double litmusSeconds = litmusNanos / 1e9;
        out.printf(Locale.ROOT, "  litmus: %s samples, %s lost updates, %.1f s wall (%d JVM configuration%s x %d ms "
                        + "sampling, jcstress start-up included)%n",
                grouped(table.totalSamples()), grouped(lost), litmusSeconds, configs, configs == 1 ? "" : "s",
                perForkMillis(seconds, configs)).flush();

        Tally racy = runFor(SeedStyleRacy::trial, SeedStyleRacy.EXPECTED, litmusNanos);
        out.printf(Locale.ROOT, "  seed-style: %d threads x %d increments: %s trials in %.1f s, %s with a wrong total "
                        + "(%s increments lost in all)%n",
                SeedStyleRacy.THREADS, SeedStyleRacy.INCREMENTS, grouped(racy.trials()), racy.seconds(),
                grouped(racy.wrong()), grouped(racy.lostIncrements())).flush();

        Tally locked = runFor(SeedStyleLocked::trial, SeedStyleLocked.EXPECTED, litmusNanos);
        out.printf(Locale.ROOT, "  seed-style locked: %s trials in %.1f s, %s with a wrong total%s%n",
                grouped(locked.trials()), locked.seconds(), grouped(locked.wrong()),
                locked.wrong() == 0 ? ": the locked version never failed" : ": THE LOCKED VERSION FAILED").flush();

        double litmusRate = lost / litmusSeconds;
        out.println("seed-style: " + rate(racy.detectionsPerSecond()) + " detections/s");
        out.println("litmus: " + rate(litmusRate) + " detections/s");
        out.println(ratioLine(litmusRate, racy));
        out.flush();

        deleteTree(work);
        if (locked.wrong() != 0) {
            err.println("litmus: the locked stress version produced a wrong total; that is a JVM or hardware fault");
            return ExitCode.FAILED.code();
        }
        return ExitCode.OK.code();
    }

    /**
     * jcstress options for about {@code seconds} of sampling of {@link #TEST}: one JVM configuration (C2 available,
     * no split compilation), one fork per configuration, one iteration sharing the time, every test printed
     * ({@code -v}) so the table is on the console even when nothing interesting happened.
     */
    static List<String> jcstressArgs(int seconds, int vmConfigs, Path html) {
        return new ArrayList<>(List.of(
                "-t", "^" + TEST.replace(".", "\\.") + "$",
                "-v",
                "-jvmArgs", "-XX:+UseParallelGC",
                "-sc", "false",
                "-f", "1",
                "-iters", "1",
                "-time", Integer.toString(perForkMillis(seconds, vmConfigs)),
                "-r", html.toString()));
    }

    static int perForkMillis(int seconds, int vmConfigs) {
        return Math.max(100, seconds * 1000 / vmConfigs);
    }

    /**
     * How many JVM configurations jcstress 0.16 runs for one {@code -jvmArgs} line: it adds
     * {@code -XX:+UseBiasedLocking} and {@code -XX:-UseBiasedLocking} variants where the JVM accepts the flag, which
     * the JDKs before 18 do (the child JVM is this JVM's java).
     */
    static int jcstressVmConfigs() {
        return Runtime.version().feature() < 18 ? 2 : 1;
    }

    /** Runs the stress program again and again until {@code nanos} have passed. */
    static Tally runFor(Trial trial, int expected, long nanos) throws InterruptedException {
        long start = System.nanoTime();
        long trials = 0;
        long wrong = 0;
        long lost = 0;
        long elapsed;
        do {
            int total = trial.run();
            trials++;
            if (total != expected) {
                wrong++;
                lost += expected - total;
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new Tally(trials, wrong, lost, elapsed);
    }

    /**
     * The last line: litmus rate over seed-style rate. When the stress test caught nothing, the ratio is a lower
     * bound that counts its run as one detection.
     */
    static String ratioLine(double litmusRate, Tally seed) {
        String head = "ratio litmus/seed-style: ";
        if (seed.wrong() > 0) {
            return head + rate(litmusRate / seed.detectionsPerSecond());
        }
        if (litmusRate == 0) {
            return head + "undefined (neither caught a lost update)";
        }
        double bound = litmusRate / (1 / seed.seconds());
        return head + ">= " + rate(bound) + String.format(Locale.ROOT,
                " (the seed-style test caught nothing in %d trials, %.1f s; counted as one detection)",
                seed.trials(), seed.seconds());
    }

    /** A rate for people: grouped integers from 1000 on, three significant digits below. */
    static String rate(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
