package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.CliRunner;

/**
 * {@code litmus gate} on dumps of real jcstress runs of {@code fixtures.Gate_01_Fixtures}, graded by their own TestList
 * (src/test/resources/gate, remade by its make-dumps.sh).
 */
class GateCommandTest {

    private static final String FIXTURES = "org.litmuslab.cli.fixtures.Gate_01_Fixtures.";

    private static String gate(String name) {
        try {
            return Path.of(GateCommandTest.class.getResource("/gate/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRunner.Run run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "gate";
        all[1] = "--tests-jar";
        all[2] = gate("fixtures-tests.jar");
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRunner.run(all);
    }

    @Test
    void aCleanRunPasses() {
        CliRunner.Run r = run(gate("clean.bin.gz"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).isEqualTo("litmus gate: ok: 2 tests, none failed on forbidden, error, unseen-interesting"
                + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aForbiddenOutcomeFailsNamingTheTestAndOutcome() {
        CliRunner.Run r = run(gate("forbidden.bin.gz"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("litmus gate: FAIL forbidden: " + FIXTURES.replace(".", "\\.")
                        + "WronglyForbidden: outcome \\[1\\] seen [\\d,]+ times in [\\d,]+ samples "
                        + "\\(An update lost \\(wrongly graded forbidden\\)\\.\\)")
                .contains("litmus gate: failed: 1 forbidden, in 1 of 1 tests");
    }

    @Test
    void anErrorFailsWithJcstressMessage() {
        CliRunner.Run r = run(gate("error.bin.gz"));
        assertThat(r.exitCode()).isEqualTo(1);
        // jcstress runs each test once before timing it; the throwing actor fails that check
        assertThat(r.out()).contains("litmus gate: FAIL error: " + FIXTURES + "Throws: ERROR: Check test failed")
                .contains("failed: 1 error, in 1 of 1 tests");
    }

    @Test
    void aClaimedVariantThatShowedNothingFailsUnseenInteresting() {
        CliRunner.Run r = run(gate("unseen.bin.gz"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("litmus gate: FAIL unseen-interesting: " + FIXTURES
                + "ClaimedButUnseen: claims @ObservedOn(\"x86_64\") but showed no interesting outcome in");
    }

    @Test
    void failOnSelectsTheChecks() {
        assertThat(run("--fail-on", "error", gate("forbidden.bin.gz"), gate("unseen.bin.gz")).exitCode()).isZero();
        CliRunner.Run r = run("--fail-on", "forbidden,error", gate("forbidden.bin.gz"), gate("error.bin.gz"),
                gate("unseen.bin.gz"), gate("clean.bin.gz"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("failed: 1 forbidden, 1 error, in 2 of 5 tests")
                .doesNotContain("unseen-interesting:");
    }

    @Test
    void anUnknownCheckIsAUsageError() {
        CliRunner.Run r = run("--fail-on", "forbidden,slow", gate("clean.bin.gz"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--fail-on", "'slow'").doesNotContain("Exception");
    }

    @Test
    void aBadDumpIsAUsageErrorOfOneLine(@TempDir Path dir) throws Exception {
        Path notGzip = Files.writeString(dir.resolve("jcstress-results-x.bin.gz"), "not a dump");
        CliRunner.Run r = run(notGzip.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: ").contains(notGzip.toString()).hasLineCount(1);
        CliRunner.Run missing = run(dir.resolve("nope.bin.gz").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").hasLineCount(1);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRunner.Run r = CliRunner.run("gate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Exit codes:", "0   nothing --fail-on names occurred", "1   something",
                "2   bad usage or input", "unseen-interesting");
    }
}
