package org.litmuslab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.litmuslab.cli.jcstress.JcstressProcess;

/** Runs the built {@code target/litmus.jar} as a user would: {@code java -jar litmus.jar ...}, with a time bound. */
public final class LitmusJar {

    /** Output and exit code of one run. */
    public record Run(int exitCode, String output) {
    }

    private LitmusJar() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("litmus.jar", "target/litmus.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after 'package'");
        }
        return jar;
    }

    /** Runs the jar under the JDK at {@code javaHome}; stdout and stderr are merged. Fails the test on timeout. */
    public static Run run(Path javaHome, Duration timeout, Path workDir, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        // Relative to the working directory, as users type it (java -jar tools/cli/target/litmus.jar).
        Path jar = workDir.toAbsolutePath().relativize(jar().toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "litmus-", ".out");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            JcstressProcess.kill(p);
            throw new AssertionError("'" + String.join(" ", cmd) + "' did not finish within " + timeout
                    + " and was killed; its output so far is in " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    public static Run run(Duration timeout, Path workDir, String... args) throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.home")), timeout, workDir, args);
    }
}
