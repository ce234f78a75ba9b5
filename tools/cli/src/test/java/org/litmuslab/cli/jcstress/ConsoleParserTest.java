package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleParserTest {

    private final List<ConsoleParser.ForkResult> forks = new ArrayList<>();
    private final List<ConsoleParser.Counters> counters = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final ConsoleParser parser = new ConsoleParser(new ConsoleParser.Listener() {
        @Override
        public void fork(ConsoleParser.ForkResult result) {
            forks.add(result);
        }

        @Override
        public void counters(ConsoleParser.Counters c) {
            counters.add(c);
        }

        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    });

    /** The console of a real `litmus run --tests 'Counter_01|Visibility_01'` pass (C2, -v), on this machine. */
    @Test
    void followsEveryForkOfARealRunAndIgnoresTheFinalReport() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/jcstress/console-c2-pass.log")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(parser::line);
        }
        parser.flush();

        // 4 tests x 2 JVM configurations (+/-UseBiasedLocking): 8 forks, not the 4 blocks of RUN RESULTS again
        assertThat(forks).hasSize(8);
        assertThat(forks).extracting(ConsoleParser.ForkResult::status).containsOnly("OK");
        assertThat(forks).filteredOn(f -> f.test().endsWith("StoreBuffering.Plain"))
                .hasSize(2)
                .allSatisfy(f -> {
                    assertThat(f.interestingIds()).containsExactly("0, 0");
                    assertThat(f.interestingSamples()).isPositive();
                    assertThat(f.forbiddenSamples()).isZero();
                    assertThat(f.jvmArgs()).contains("-XX:-TieredCompilation");
                });
        assertThat(forks).filteredOn(f -> f.test().endsWith("StoreBuffering.Plain"))
                .extracting(ConsoleParser.ForkResult::interestingSamples).contains(631L);
        assertThat(forks).filteredOn(f -> f.test().endsWith("Atomic"))
                .allSatisfy(f -> assertThat(f.interestingSamples() + f.forbiddenSamples()).isZero());
        assertThat(counters).last().isEqualTo(new ConsoleParser.Counters(8, 8, 0, 0, 0));
        assertThat(counters.get(0).done()).isEqualTo(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void countsForbiddenAndErrorsAndSkippingWarnings() {
        List.of(
                "    3 actors:",
                "      No scheduling is possible, these tests would not run.",
                "",
                "......... [FAILED] org.example.Broken_01_Test.Wrong",
                "",
                "  JVM args: [-XX:-TieredCompilation]",
                "  Fork: #1",
                "",
                "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION",
                "       1       12    0.01%    Forbidden  Lost an update.",
                "       2  120,000   99.99%   Acceptable  Both seen.",
                "",
                "(Results: 2 planned; 0 passed, 1 failed, 0 soft errs, 0 hard errs)",
                "",
                "....... [VM ERROR] org.example.Broken_01_Test.Crash",
                "",
                "  Messages:",
                "    java.lang.OutOfMemoryError",
                "(Results: 2 planned; 0 passed, 1 failed, 0 soft errs, 1 hard errs)")
                .forEach(parser::line);
        parser.flush();

        assertThat(warnings).containsExactly("No scheduling is possible, these tests would not run.");
        assertThat(forks).hasSize(2);
        assertThat(forks.get(0)).satisfies(f -> {
            assertThat(f.status()).isEqualTo("FAILED");
            assertThat(f.isError()).isFalse();
            assertThat(f.forbiddenIds()).containsExactly("1");
            assertThat(f.forbiddenSamples()).isEqualTo(12);
            assertThat(f.samples()).isEqualTo(120_012);
        });
        assertThat(forks.get(1)).satisfies(f -> {
            assertThat(f.status()).isEqualTo("VM ERROR");
            assertThat(f.isError()).isTrue();
            assertThat(f.samples()).isZero();
        });
        assertThat(counters).last().extracting(ConsoleParser.Counters::done).isEqualTo(2L);
    }
}
