package org.litmuslab.cli.jcstress;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs jcstress's own {@code org.openjdk.jcstress.Main} in a child JVM with this JVM's class path (litmus.jar holds
 * jcstress and every test), in a working directory of our choosing so the result dump lands there. A child JVM keeps
 * jcstress's {@code System.exit} and console away from us, and lets a wall-clock bound kill a run that hangs.
 */
public final class JcstressProcess {

    /** What a finished (or killed) jcstress run left behind. */
    public record Result(int exitCode, boolean timedOut, Path workDir, Path log, Optional<Path> dump) {
    }

    private JcstressProcess() {
    }

    /** The command line that starts jcstress in a child JVM. */
    public static List<String> command(List<String> jcstressArgs) {
        return command(jcstressArgs, Runtime.version().feature());
    }

    /** The command for a JVM of the given feature release (the child runs on the JVM we run on). */
    static List<String> command(List<String> jcstressArgs, int javaFeature) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        boolean nativeAccess = javaFeature >= 22;
        if (nativeAccess) {
            // What the Enable-Native-Access manifest entry does for java -jar; -cp runs need the flag (jcstress uses JNA).
            cmd.add(NATIVE_ACCESS);
        }
        cmd.add("-cp");
        cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
        cmd.add("org.openjdk.jcstress.Main");
        cmd.addAll(nativeAccess ? withForkNativeAccess(jcstressArgs) : jcstressArgs);
        return cmd;
    }

    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * jcstress starts its forks with {@code -cp}, so they too call JNA without native access and print JDK 22+'s
     * "restricted method" WARNINGs into every test's VM output. Prepending the flag to every fork's JVM options
     * (merged into a user's own {@code -jvmArgsPrepend}: jcstress refuses the option twice) keeps reports clean.
     */
    static List<String> withForkNativeAccess(List<String> jcstressArgs) {
        List<String> args = new ArrayList<>(jcstressArgs);
        int i = args.indexOf("-jvmArgsPrepend");
        if (i >= 0 && i + 1 < args.size()) {
            if (!args.get(i + 1).contains(NATIVE_ACCESS)) {
                args.set(i + 1, NATIVE_ACCESS + " " + args.get(i + 1));
            }
        } else {
            args.add("-jvmArgsPrepend");
            args.add(NATIVE_ACCESS);
        }
        return args;
    }

    /**
     * The class path with every entry made absolute: the child runs in another working directory, so
     * {@code java -jar tools/cli/target/litmus.jar} (a relative class path) would otherwise not find jcstress.
     */
    static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Runs jcstress with the given arguments in {@code workDir}, copying its console to {@code workDir/jcstress.log}
     * and, line by line, to {@code console}. A run longer than {@code timeout} is killed with its forks.
     */
    public static Result run(List<String> jcstressArgs, Path workDir, Duration timeout, Consumer<String> console)
            throws IOException, InterruptedException {
        return start(jcstressArgs, workDir, workDir.resolve("jcstress.log"), false, console).await(timeout);
    }

    /**
     * Starts jcstress with the given arguments in {@code workDir}; its console goes to {@code log} (appended to when
     * {@code append}) and, line by line, to {@code console}.
     */
    public static Running start(List<String> jcstressArgs, Path workDir, Path log, boolean append,
                                Consumer<String> console) throws IOException {
        Files.createDirectories(workDir);
        ProcessBuilder pb = new ProcessBuilder(command(jcstressArgs))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        Process p = pb.start();
        Thread pump = new Thread(() -> pump(p, log, append, console), "jcstress-console");
        pump.setDaemon(true);
        pump.start();
        return new Running(p, pump, workDir, log);
    }

    /** A jcstress child that was started and may still run. */
    public static final class Running {
        private final Process process;
        private final Thread pump;
        private final Path workDir;
        private final Path log;
        private volatile boolean killed;

        private Running(Process process, Thread pump, Path workDir, Path log) {
            this.process = process;
            this.pump = pump;
            this.workDir = workDir;
            this.log = log;
        }

        /**
         * Waits for the child to end, at most {@code timeout} (then kills it and its forks), and for its console to
         * be copied.
         */
        public Result await(Duration timeout) throws IOException, InterruptedException {
            boolean timedOut = false;
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    kill();
                }
            } catch (InterruptedException e) {
                kill();
                throw e;
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(timedOut || killed ? -1 : process.exitValue(), timedOut, workDir, log,
                    findDump(workDir));
        }

        /** Stops the child and its forks; {@link #await} then returns at once. */
        public void kill() {
            killed = true;
            JcstressProcess.kill(process);
        }

        /** True once {@link #kill} was called. */
        public boolean killed() {
            return killed;
        }
    }

    /**
     * Stops the child and every fork it started. jcstress may start a fork at any moment, so the forks are looked up
     * again after the child is killed: until the kernel has reaped it, its last forks are still its descendants.
     */
    public static void kill(Process p) {
        java.util.Set<ProcessHandle> forks = new java.util.LinkedHashSet<>(p.descendants().toList());
        forks.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        forks.addAll(p.descendants().toList());
        forks.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle f : forks) {
                f.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a fork that does not end within 10 s after SIGKILL is beyond our reach
        }
    }

    /** The newest {@code jcstress-results-*.bin.gz} in the directory, if any. */
    public static Optional<Path> findDump(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("jcstress-results-") && n.endsWith(".bin.gz");
            }).max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        }
    }

    private static void pump(Process p, Path log, boolean append, Consumer<String> console) {
        OpenOption[] mode = append
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE}
                : new OpenOption[0];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, mode)) {
            String line;
            while ((line = in.readLine()) != null) {
                w.write(line);
                w.write('\n');
                w.flush();
                console.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
