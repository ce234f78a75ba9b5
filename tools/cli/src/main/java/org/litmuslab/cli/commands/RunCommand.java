package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.jcstress.ConsoleParser;
import org.litmuslab.cli.jcstress.JcstressArgs;
import org.litmuslab.cli.jcstress.JcstressProcess;
import org.litmuslab.cli.jcstress.Machine;
import org.litmuslab.cli.jcstress.Preset;
import org.litmuslab.cli.run.RunProgress;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus run}: runs the selected tests of litmus.jar through jcstress and keeps everything it wrote. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the selected tests through jcstress in a child JVM, with a progress bar.",
                "Writes into DIR: the jcstress result dump(s), jcstress's HTML report under html/, and its console as "
                        + "jcstress.log. Tests that need more CPUs than this machine has are listed as not run.",
                "Ctrl-C stops jcstress and its forks and keeps what finished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the run finished; no FORBIDDEN outcome, no error",
                "1:jcstress reported a FORBIDDEN outcome or an error, or the run hit --timeout",
                "2:bad usage (e.g. an invalid --tests expression, or no test matched)",
                "3:jcstress could not be started",
                "130:interrupted (Ctrl-C); what finished is kept"})
public final class RunCommand implements Callable<Integer> {

    /** The shell's exit status for a run stopped by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = "--tests", paramLabel = "REGEX", defaultValue = ".*",
            description = "Only tests whose name matches REGEX (as jcstress -t). Default: all.")
    String tests;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "teach", converter = PresetConverter.class,
            description = "teach (default: C2, one short fork per test; see README), sanity, and jcstress's "
                    + "modes quick, default, tough, stress (-m).")
    Preset preset;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for this run's files. Default: litmus-results/<timestamp>/. Must be empty or "
                    + "missing unless --force.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty --out DIR: the files of an earlier run there "
            + "(result dumps, jcstress.log, html/) are replaced; other files are left alone.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "600",
            description = "Kill the run (and its forks) after this many minutes; the run then fails. Default: 600.")
    long timeoutMinutes;

    @Option(names = "--progress", paramLabel = "STYLE", defaultValue = "auto",
            converter = ProgressConverter.class,
            description = "auto (a bar on a terminal, plain lines otherwise), bar, lines, none.")
    RunProgress.Style progress;

    @Parameters(paramLabel = "JCSTRESS_ARGS", arity = "0..*",
            description = "After --: passed to jcstress; each replaces the preset's option of the same name "
                    + "(-jvmArgs replaces every pass's JVM configuration). -t and -r are litmus's: use --tests, --out.")
    List<String> jcstressArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<LitmusTest> selected = ListCommand.select(TestCatalog.fromClassPath(), tests);
        if (selected.isEmpty()) {
            throw new UserException("no test matches --tests '" + tests + "'; 'litmus list' shows the tests");
        }
        if (timeoutMinutes <= 0) {
            throw new UserException("--timeout must be a positive number of minutes, not " + timeoutMinutes);
        }
        List<Preset.Pass> passes = passes();
        Path dir = prepareOutDir();

        int cpus = JcstressArgs.cpus(jcstressArgs).map(c -> Math.min(c, Machine.cpus())).orElse(Machine.cpus());
        List<LitmusTest> runnable = selected.stream().filter(t -> t.threads() <= cpus).toList();
        List<LitmusTest> notRunnable = selected.stream().filter(t -> t.threads() > cpus).toList();

        stdout.printf("litmus: running %d tests, preset %s (%s), into %s%n", runnable.size(), preset.userName(),
                describe(passes), dir);
        if (!notRunnable.isEmpty()) {
            stdout.printf("litmus: not run: %d selected tests need more CPUs than the %d here "
                    + "(jcstress would skip them silently):%n", notRunnable.size(), cpus);
            notRunnable.forEach(t -> stdout.printf("  %s  not run: needs %d CPUs%n", t.name(), t.threads()));
        }
        stdout.flush();
        if (runnable.isEmpty()) {
            stdout.println("litmus: nothing to run on this machine");
            return ExitCode.OK.code();
        }

        RunProgress bar = new RunProgress(stdout, progress, runnable.size(), passes.size());
        Interrupt interrupt = new Interrupt();
        Duration timeout = Duration.ofMinutes(timeoutMinutes);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> dumps = new ArrayList<>();
        boolean failed = false;
        boolean timedOut = false;
        Runtime.getRuntime().addShutdownHook(interrupt.hook);
        bar.startTicker();
        try {
            for (int i = 0; i < passes.size() && !interrupt.requested.get() && !timedOut; i++) {
                Preset.Pass pass = passes.get(i);
                bar.pass(i + 1, pass.description());
                Path html = passes.size() == 1 ? dir.resolve("html") : dir.resolve("html").resolve(pass.name());
                List<String> args = jcstressArgs(pass, runnable, html);
                Optional<Path> before = JcstressProcess.findDump(dir);
                AtomicBoolean started = new AtomicBoolean();
                if (passes.size() > 1) {
                    Files.writeString(dir.resolve("jcstress.log"), String.format("%n==== litmus: pass %d of %d: %s%n%n",
                            i + 1, passes.size(), pass.description()), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                ConsoleParser parser = new ConsoleParser(new ConsoleParser.Listener() {
                    @Override
                    public void fork(ConsoleParser.ForkResult result) {
                        bar.fork(result);
                    }

                    @Override
                    public void counters(ConsoleParser.Counters counters) {
                        started.set(true);
                        bar.counters(counters);
                    }
                });
                JcstressProcess.Running child = JcstressProcess.start(args, dir, dir.resolve("jcstress.log"),
                        passes.size() > 1,
                        parser::line);
                interrupt.running.set(child);
                if (interrupt.requested.get()) {
                    child.kill();
                }
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                JcstressProcess.Result r = child.await(left);
                interrupt.running.set(null);
                parser.flush();
                timedOut = r.timedOut();
                if (!started.get() && !timedOut && !interrupt.requested.get() && r.exitCode() != 0) {
                    bar.finish(true);
                    stderr.printf("litmus: jcstress could not start the run (exit code %d); its output:%n",
                            r.exitCode());
                    tail(r.log(), 15).forEach(l -> stderr.println("  " + l));
                    return ExitCode.INTERNAL.code();
                }
                failed |= r.exitCode() != 0;
                Optional<Path> dump = r.dump().filter(d -> before.map(b -> !b.equals(d)).orElse(true));
                if (dump.isEmpty() && !timedOut && !interrupt.requested.get()) {
                    bar.finish(true);
                    stderr.printf("litmus: jcstress exited with %d without writing a result dump; see %s%n",
                            r.exitCode(), r.log());
                    return ExitCode.INTERNAL.code();
                }
                if (dump.isPresent() && (timedOut || interrupt.requested.get())) {
                    // jcstress was killed while writing it: the gzip stream is cut short. Keep it for the curious,
                    // under a name that no summary of this directory picks up.
                    Path partial = dump.get().resolveSibling(dump.get().getFileName() + ".partial");
                    Files.move(dump.get(), partial, StandardCopyOption.REPLACE_EXISTING);
                    stdout.printf("litmus: the stopped pass's dump is incomplete; kept as %s%n", partial);
                } else {
                    dump.map(d -> passes.size() == 1 ? d : renameForPass(d, pass)).ifPresent(dumps::add);
                }
            }
            bar.finish(interrupt.requested.get() || timedOut);
            stdout.printf("litmus: log %s, report %s, dump%s %s%n", dir.resolve("jcstress.log"),
                    passes.size() == 1 ? dir.resolve("html").resolve("index.html")
                            : dir.resolve("html").resolve("<pass>").resolve("index.html"),
                    dumps.size() == 1 ? "" : "s",
                    dumps.isEmpty() ? "(none)" : String.join(", ", dumps.stream().map(Path::toString).toList()));
            if (!notRunnable.isEmpty()) {
                stdout.printf("litmus: %d tests not run: they need more CPUs than the %d here%n", notRunnable.size(),
                        cpus);
            }
            stdout.flush();
            if (interrupt.requested.get()) {
                stderr.println("litmus: interrupted; the results of what finished are in " + dir);
                return INTERRUPTED;
            }
            if (timedOut) {
                stderr.printf("litmus: the run exceeded --timeout %d min and was stopped; its partial log is %s%n",
                        timeoutMinutes, dir.resolve("jcstress.log"));
                return ExitCode.FAILED.code();
            }
            return failed ? ExitCode.FAILED.code() : ExitCode.OK.code();
        } finally {
            bar.stopTicker();
            interrupt.done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt.hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }

    /** The preset's passes; the user's -jvmArgs is one JVM configuration that replaces every pass's: one is enough. */
    List<Preset.Pass> passes() {
        List<Preset.Pass> passes = JcstressArgs.names(jcstressArgs).contains("-jvmArgs")
                ? preset.passes().subList(0, 1) : preset.passes();
        passes.forEach(p -> JcstressArgs.merge(p.jcstressArgs(), jcstressArgs)); // refuses bad ones before any output
        return passes;
    }

    /** The jcstress arguments of one pass: the preset's, the user's replacing them, then what litmus needs. */
    List<String> jcstressArgs(Preset.Pass pass, List<LitmusTest> runnable, Path html) {
        List<String> args = JcstressArgs.merge(pass.jcstressArgs(), jcstressArgs);
        java.util.Set<String> user = JcstressArgs.names(jcstressArgs);
        if (!user.contains("-v") && !user.contains("-vv") && !user.contains("-vvv")) {
            // -v prints every fork's result, which the progress bar follows; the log keeps it all.
            args.add("-v");
        }
        args.addAll(List.of("-t", jcstressRegex(runnable), "-r", html.toString()));
        return args;
    }

    /** What Ctrl-C does: stop jcstress and its forks, then let the command finish writing what it has. */
    private static final class Interrupt {
        final AtomicBoolean requested = new AtomicBoolean();
        final AtomicReference<JcstressProcess.Running> running = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            requested.set(true);
            JcstressProcess.Running r = running.get();
            if (r != null) {
                r.kill();
            }
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "litmus-ctrl-c");
    }

    /** A regex jcstress's -t matches against exactly the runnable tests (the others it would skip anyway). */
    static String jcstressRegex(List<LitmusTest> runnable) {
        return "^(" + String.join("|", runnable.stream().map(t -> t.name().replace(".", "\\.")).toList()) + ")$";
    }

    private Path prepareOutDir() throws IOException {
        Path dir = out != null ? out : Path.of("litmus-results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("--out " + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir) && !force) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserException("--out " + dir + " is not empty; choose another directory or add --force");
                }
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("cannot create --out directory " + dir + ": " + e.getMessage(), e);
        }
        clearPreviousRun(dir);
        return dir.toAbsolutePath().normalize();
    }

    /** With --force: removes what an earlier run wrote into DIR, so that its dumps do not mix with this run's. */
    private static void clearPreviousRun(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.equals("jcstress.log") || name.startsWith("jcstress-results-")
                        && (name.endsWith(".bin.gz") || name.endsWith(".bin.gz.partial")) && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
        Path html = dir.resolve("html");
        if (Files.isDirectory(html)) {
            try (Stream<Path> tree = Files.walk(html)) {
                for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static Path renameForPass(Path dump, Preset.Pass pass) {
        String name = dump.getFileName().toString();
        Path target = dump.resolveSibling(name.replace(".bin.gz", "-" + pass.name() + ".bin.gz"));
        try {
            return Files.move(dump, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return dump;
        }
    }

    private static String describe(List<Preset.Pass> passes) {
        return String.join(", then ", passes.stream().map(Preset.Pass::description).toList());
    }

    /** Lets users type {@code default} although the enum constant cannot be named so. */
    static final class PresetConverter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            try {
                return Preset.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of teach, sanity, quick, default, tough, stress, not '"
                        + value + "'");
            }
        }
    }

    static final class ProgressConverter implements ITypeConverter<RunProgress.Style> {
        @Override
        public RunProgress.Style convert(String value) {
            try {
                return RunProgress.Style.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of auto, bar, lines, none, not '" + value + "'");
            }
        }
    }
}
