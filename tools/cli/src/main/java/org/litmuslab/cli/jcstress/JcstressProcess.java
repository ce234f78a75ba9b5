package org.litmuslab.cli.jcstress;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            // What the Enable-Native-Access manifest entry does for java -jar; -cp runs need the flag (jcstress uses JNA).
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.add("-cp");
        cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
        cmd.add("org.openjdk.jcstress.Main");
        cmd.addAll(jcstressArgs);
        return cmd;
    }

    /**
     * The class path with every entry made absolute: the child runs in another working directory, so a relative
     * entry (as in {@code java -jar tools/cli/target/litmus.jar}) would no longer resolve there.
     */
    static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Runs jcstress with the given arguments in {@code workDir}, copying its console to {@code workDir/jcstress.log}
     * and, line by line, to {@code console}. A run longer than {@code timeout} is killed with its forks.
     */
    public static Result run(List<String> jcstressArgs, Path workDir, Duration timeout, Consumer<String> console)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("jcstress.log");
        ProcessBuilder pb = new ProcessBuilder(command(jcstressArgs))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        Process p = pb.start();
        Thread pump = new Thread(() -> pump(p, log, console), "jcstress-console");
        pump.setDaemon(true);
        pump.start();
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(p);
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        return new Result(timedOut ? -1 : p.exitValue(), timedOut, workDir, log, findDump(workDir));
    }

    /** Stops the child and every fork it started. */
    public static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static void pump(Process p, Path log, Consumer<String> console) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
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
