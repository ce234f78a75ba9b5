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
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.litmuslab.cli.catalog.PlatformClaims;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.gate.Check;
import org.litmuslab.cli.gate.Gate;
import org.litmuslab.cli.jcstress.ConsoleParser;
import org.litmuslab.cli.jcstress.JcstressArgs;
import org.litmuslab.cli.jcstress.JcstressProcess;
import org.litmuslab.cli.jcstress.Machine;
import org.litmuslab.cli.jcstress.Preset;
import org.litmuslab.cli.results.AtomicFile;
import org.litmuslab.cli.results.Summarizer;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.render.By;
import org.litmuslab.cli.results.render.Format;
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
                "Writes into DIR: the jcstress result dump, jcstress's HTML report under html/, its console as "
                        + "jcstress.log, and the summary as summary.txt (also printed), .md, .json and .html. Tests "
                        + "that need more CPUs than this machine has are listed as not run, there and in the summary.",
                "Ctrl-C stops jcstress and its forks and keeps what finished."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the run finished and showed nothing --fail-on names (default: no FORBIDDEN outcome, no error)",
                "1:the run showed what --fail-on names (each printed: check, test, outcome), or hit --timeout",
                "2:bad usage (e.g. an invalid --tests expression, or no test matched)",
                "3:jcstress could not be started or wrote no result dump",
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

    @Option(names = "--fail-on", paramLabel = "LIST", converter = Check.ListConverter.class,
            defaultValue = "forbidden,error",
            description = "Exit 1 when the run shows any of: forbidden, error, unseen-interesting (comma-separated). "
                    + "Default: forbidden,error.")
    Set<Check> failOn;

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
        TestCatalog catalog = TestCatalog.fromClassPath();
        List<LitmusTest> selected = ListCommand.select(catalog, tests);
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
            return finish(catalog, dir, List.of(), runnable, notRunnable, cpus, null, stdout);
        }

        RunProgress bar = new RunProgress(stdout, progress, runnable.size(), passes.size());
        Interrupt interrupt = new Interrupt();
        Duration timeout = Duration.ofMinutes(timeoutMinutes);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> dumps = new ArrayList<>();
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
            stdout.flush();
            String stopped = interrupt.requested.get() ? "the run was stopped (Ctrl-C or a signal) before it ran"
                    : timedOut ? "the run hit --timeout before it ran" : null;
            int code = finish(catalog, dir, dumps, runnable, notRunnable, cpus, stopped, stdout);
            if (interrupt.requested.get()) {
                stderr.println("litmus: interrupted; the results of what finished are in " + dir);
                return INTERRUPTED;
            }
            if (timedOut) {
                stderr.printf("litmus: the run exceeded --timeout %d min and was stopped; its partial log is %s%n",
                        timeoutMinutes, dir.resolve("jcstress.log"));
                return ExitCode.FAILED.code();
            }
            return code;
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

    /** The summary files a run writes into its directory, by format. */
    static final Map<Format, String> SUMMARIES = summaries();

    private static Map<Format, String> summaries() {
        Map<Format, String> m = new EnumMap<>(Format.class);
        m.put(Format.text, "summary.txt");
        m.put(Format.md, "summary.md");
        m.put(Format.json, "summary.json");
        m.put(Format.html, "summary.html");
        return Collections.unmodifiableMap(m);
    }

    /**
     * Summarises the run's dumps with the tests that did not run, writes the summaries, prints the text one and the
     * --fail-on verdict, and returns the exit code that verdict gives.
     *
     * @param stopped why tests without results did not run when the run was stopped early, else null
     */
    private int finish(TestCatalog catalog, Path dir, List<Path> dumps, List<LitmusTest> runnable,
                       List<LitmusTest> notRunnable, int cpus, String stopped, PrintWriter stdout) throws IOException {
        Summarizer summarizer = new Summarizer(catalog);
        dumps.forEach(summarizer::addDump);
        for (LitmusTest t : notRunnable) {
            summarizer.notRun(t.name(), "needs " + t.threads() + " CPUs, this machine has " + cpus);
        }
        for (LitmusTest t : runnable) { // ignored for tests with results
            summarizer.notRun(t.name(), stopped != null ? stopped : "jcstress reported no result for it");
        }
        Summary summary = summarizer.summarize();
        for (Map.Entry<Format, String> e : SUMMARIES.entrySet()) {
            AtomicFile.write(dir.resolve(e.getValue()), true, "--out",
                    w -> e.getKey().renderer().render(summary, By.test, w));
        }
        Format.text.renderer().render(summary, By.test, stdout);
        stdout.printf("litmus: summary in %s (.md, .json, .html beside it)%n", dir.resolve(SUMMARIES.get(Format.text)));
        if (!notRunnable.isEmpty()) {
            stdout.printf("litmus: %d tests not run: they need more CPUs than the %d here%n", notRunnable.size(), cpus);
        }
        List<Gate.Violation> violations = Gate.check(summary, failOn, PlatformClaims.of(catalog));
        boolean ok = Gate.report(violations, failOn, summary.tests().size(), "litmus run", stdout);
        return ok ? ExitCode.OK.code() : ExitCode.FAILED.code();
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
                if (name.equals("jcstress.log") || SUMMARIES.containsValue(name) || name.startsWith("jcstress-results-")
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
