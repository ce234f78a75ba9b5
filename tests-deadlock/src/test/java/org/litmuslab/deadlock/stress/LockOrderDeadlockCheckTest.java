package org.litmuslab.deadlock.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The seed-style check finds its deadlock, names the cycle, and its JVM exits on its own. */
class LockOrderDeadlockCheckTest {

    @Test
    void detectsTheDeadlockAndPrintsTheCycle() throws InterruptedException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int status = new LockOrderDeadlockCheck(1, 100, 1000, new PrintStream(buf, true, StandardCharsets.UTF_8)).run();
        String out = buf.toString(StandardCharsets.UTF_8);

        assertThat(status).as(out).isEqualTo(1);
        assertThat(out)
                .contains("trial 1: potential deadlock detected: trial-1-thread-1 and trial-1-thread-2 still alive")
                .contains("ThreadMXBean.findDeadlockedThreads() reports the cycle:")
                .contains("\"trial-1-thread-1\" (BLOCKED) holds lock A and waits for lock B, held by \"trial-1-thread-2\"")
                .contains("\"trial-1-thread-2\" (BLOCKED) holds lock B and waits for lock A, held by \"trial-1-thread-1\"")
                .contains("1 of 1 trials deadlocked");
    }

    @Test
    void theProgramExitsOnItsOwnWithStatus1() throws Exception {
        Run r = run("--join-ms", "300");
        assertThat(r.exited).as("the JVM exited within 30 s").isTrue();
        assertThat(r.status).as(r.output).isEqualTo(1);
        assertThat(r.output)
                .contains("potential deadlock detected")
                .contains("holds lock A and waits for lock B")
                .contains("holds lock B and waits for lock A");
    }

    @Test
    void aBadOptionIsOneLineAndStatus2() throws Exception {
        Run r = run("--trials", "many");
        assertThat(r.status).isEqualTo(2);
        assertThat(r.output.strip())
                .isEqualTo("LockOrderDeadlockCheck: --trials needs a number >= 0, not 'many'");
    }

    private record Run(boolean exited, int status, String output) {
    }

    /** Runs main in a child JVM (stdout and stderr merged), at most 30 s. */
    private static Run run(String... args) throws IOException, InterruptedException, java.net.URISyntaxException {
        Path classes = Path.of(LockOrderDeadlockCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), LockOrderDeadlockCheck.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(exited, exited ? p.exitValue() : -1, output);
    }
}
