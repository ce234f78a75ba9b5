package org.litmuslab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.jcstress.ConsoleParser;

class RunProgressTest {

    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private RunProgress progress(RunProgress.Style style, int tests, int passes) {
        return new RunProgress(new PrintWriter(text), style, tests, passes, now::get);
    }

    private static ConsoleParser.ForkResult fork(String test, long interesting, long forbidden) {
        return new ConsoleParser.ForkResult(test, forbidden > 0 ? "FAILED" : "OK", "[-Xint]", 100, interesting,
                forbidden, interesting > 0 ? List.of("1") : List.of(), forbidden > 0 ? List.of("3") : List.of());
    }

    @Test
    void linesCountTestsWhenAllTheirForksReported() {
        RunProgress p = progress(RunProgress.Style.LINES, 2, 1);
        now.set(TimeUnit.SECONDS.toNanos(10));
        p.fork(fork("org.litmuslab.counter.Counter_01_LostUpdate.Racy", 5, 0));
        p.counters(new ConsoleParser.Counters(4, 1, 0, 0, 0));
        assertThat(p.testsDone()).isZero(); // 2 forks per test (4 planned / 2 tests)
        now.set(TimeUnit.SECONDS.toNanos(20));
        p.fork(fork("org.litmuslab.counter.Counter_01_LostUpdate.Racy", 0, 0));
        p.counters(new ConsoleParser.Counters(4, 2, 0, 0, 0));
        assertThat(p.testsDone()).isEqualTo(1);
        p.fork(fork("org.litmuslab.counter.Counter_01_LostUpdate.Atomic", 0, 7));
        p.finish(false);

        assertThat(text.toString())
                .contains("[0/2 tests 00:10] OK       counter.Counter_01_LostUpdate.Racy  interesting 1")
                .contains("[1/2 tests 00:20 ETA 00:20] OK ") // after start-up, 10 s per fork, 2 forks left
                .contains("] FAILED   counter.Counter_01_LostUpdate.Atomic  FORBIDDEN 3")
                .contains("litmus: ran 1 of 2 tests in 00:20: 1 showed an interesting outcome, 1 a forbidden one")
                .doesNotContain("\r", "\033");
        assertThat(p.testsWithInteresting()).containsExactly("org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        assertThat(p.testsWithForbidden()).containsExactly("org.litmuslab.counter.Counter_01_LostUpdate.Atomic");
    }

    @Test
    void eachPassCountsItsOwnTestsAndAnInterruptedRunKeepsWhatAPassFinished() {
        RunProgress p = progress(RunProgress.Style.LINES, 2, 2);
        p.pass(1, "C2");
        p.fork(fork("T1", 0, 0));
        p.counters(new ConsoleParser.Counters(2, 1, 0, 0, 0));
        p.fork(fork("T2", 0, 0));
        p.counters(new ConsoleParser.Counters(2, 2, 0, 0, 0));
        assertThat(p.testsDone()).isEqualTo(2);
        p.pass(2, "C1");
        assertThat(p.testsDone()).isZero();
        p.fork(fork("T1", 1, 0));
        p.counters(new ConsoleParser.Counters(2, 1, 0, 0, 0));
        assertThat(p.testsDone()).isEqualTo(1);
        p.finish(true);
        assertThat(text.toString()).contains("litmus: pass 1 of 2: C2", "litmus: pass 2 of 2: C1",
                "[1/2 tests", "litmus: interrupted after 2 of 2 tests");
    }

    @Test
    void etaCountsTheForksLeftAndTheStartUpsToCome() {
        RunProgress p = progress(RunProgress.Style.LINES, 1, 2);
        p.pass(1, "C2");
        now.set(TimeUnit.SECONDS.toNanos(10)); // jcstress took 10 s to start
        p.fork(fork("T", 0, 0));
        p.counters(new ConsoleParser.Counters(2, 1, 0, 0, 0));
        now.set(TimeUnit.SECONDS.toNanos(12)); // a fork takes 2 s
        p.fork(fork("T", 0, 0));
        p.counters(new ConsoleParser.Counters(2, 2, 0, 0, 0));
        now.set(TimeUnit.SECONDS.toNanos(13));
        p.pass(2, "C1");
        now.set(TimeUnit.SECONDS.toNanos(15));
        p.fork(fork("T", 0, 0)); // printed with the next counters: 2 forks left (4 s) + 8 s of start-up left
        now.set(TimeUnit.SECONDS.toNanos(23));
        p.counters(new ConsoleParser.Counters(2, 1, 0, 0, 0));
        p.finish(false);
        assertThat(text.toString()).contains("[1/1 tests 00:12 ETA 00:14]") // 2 forks (4 s) + a 10 s start-up
                .contains("[0/1 tests 00:23 ETA 00:02]"); // one fork left
    }

    @Test
    void barRedrawsOneLineAndClearsItAtTheEnd() {
        RunProgress p = progress(RunProgress.Style.BAR, 1, 1);
        p.counters(new ConsoleParser.Counters(2, 1, 0, 0, 0));
        p.fork(fork("org.litmuslab.visibility.Visibility_01_StoreBuffering.Plain", 3, 0));
        p.finish(true);
        assertThat(text.toString()).startsWith("\r[======>     ] 0/1 tests")
                .contains("interesting 1", "forbidden 0", "StoreBuffering.Plain")
                .contains("\r\033[Klitmus: interrupted after 0 of 1 tests");
    }
}
