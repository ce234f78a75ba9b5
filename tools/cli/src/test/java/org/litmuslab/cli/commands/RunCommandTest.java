package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.gate.Check;
import org.litmuslab.cli.jcstress.Preset;
import org.litmuslab.cli.run.RunProgress;

import picocli.CommandLine;

/** `litmus run` without starting jcstress: option parsing, the jcstress command lines it plans, refusals. */
class RunCommandTest {

    private static RunCommand parse(String... args) {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    private static List<Preset.Pass> passes(RunCommand cmd) {
        return cmd.passes();
    }

    private static List<String> plan(RunCommand cmd, int pass, String testRegex) {
        List<LitmusTest> tests = TestCatalog.fromClassPath().select(testRegex);
        return cmd.jcstressArgs(cmd.passes().get(pass), tests, Path.of("/out/html"));
    }

    @Test
    void teachIsTheDefaultAndRunsC2OverTheSelectedTests() {
        RunCommand cmd = parse("--tests", "Counter_01_LostUpdate.Racy$");
        assertThat(passes(cmd)).extracting(Preset.Pass::name).containsExactly("c2");
        assertThat(plan(cmd, 0, "Counter_01_LostUpdate.Racy$"))
                .containsSubsequence("-jvmArgs", "-XX:-TieredCompilation")
                .containsSubsequence("-t", "^(org\\.litmuslab\\.counter\\.Counter_01_LostUpdate\\.Racy)$")
                .containsSubsequence("-r", Path.of("/out/html").toString())
                .contains("-v");
        assertThat(plan(cmd, 0, "Counter_01_LostUpdate.Racy$")).containsSubsequence("-m", "quick", "-sc", "false", "-f",
                "1", "-iters", "1", "-time", "200");
    }

    @Test
    void jcstressPresetsMapToModes() {
        assertThat(passes(parse("--preset", "quick"))).singleElement()
                .satisfies(p -> assertThat(p.jcstressArgs()).containsExactly("-m", "quick"));
        assertThat(passes(parse("--preset", "default"))).singleElement()
                .satisfies(p -> assertThat(p.jcstressArgs()).containsExactly("-m", "default"));
        assertThat(passes(parse("--preset", "stress"))).singleElement()
                .satisfies(p -> assertThat(p.jcstressArgs()).containsExactly("-m", "stress"));
    }

    @Test
    void passThroughArgsReplaceThePresetsAndOneJvmConfigurationMeansOnePass() {
        RunCommand cmd = parse("--", "-time", "50", "-jvmArgs", "-Xint", "-vv");
        assertThat(passes(cmd)).hasSize(1);
        List<String> args = plan(cmd, 0, "Counter_01");
        assertThat(args).containsSubsequence("-time", "50").containsSubsequence("-jvmArgs", "-Xint").contains("-vv")
                .doesNotContain("-v", "200", "-XX:-TieredCompilation");
    }

    @Test
    void parsesEveryOption() {
        RunCommand cmd = parse("--preset", "tough", "--tests", "_01_", "--out", "x", "--force", "--timeout", "5",
                "--progress", "lines", "--fail-on", "unseen-interesting,forbidden", "--", "-v");
        assertThat(cmd).extracting("preset", "tests", "out", "force", "timeoutMinutes", "progress", "failOn")
                .containsExactly(Preset.tough, "_01_", Path.of("x"), true, 5L, RunProgress.Style.LINES,
                        java.util.EnumSet.of(Check.FORBIDDEN, Check.UNSEEN_INTERESTING));
        assertThat(parse()).extracting("failOn").isEqualTo(java.util.EnumSet.of(Check.FORBIDDEN, Check.ERROR));
        assertThat(cmd).extracting("jcstressArgs").asList().containsExactly("-v");
    }

    @Test
    void testsNeedingMoreCpusThanGivenAreListedAsNotRunAndSummarisedSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliRunner.Run r = CliRunner.run("run", "--tests", "Counter_01_LostUpdate\\.(Racy|Atomic)$", "--out", out.toString(),
                "--", "-c", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("litmus: not run: 2 selected tests need more CPUs than the 1 here")
                .contains("org.litmuslab.counter.Counter_01_LostUpdate.Racy  not run: needs 2 CPUs")
                .contains("nothing to run on this machine")
                .contains("needs 2 CPUs, this machine has 1") // the printed text summary
                .contains("litmus run: ok: 2 tests, none failed on forbidden, error");
        assertThat(out.resolve("summary.txt")).content().contains("[NOT RUN] org.litmuslab.counter.Counter_01_LostUpdate.Racy",
                "needs 2 CPUs, this machine has 1");
        assertThat(out.resolve("summary.md")).content().contains("needs 2 CPUs");
        assertThat(out.resolve("summary.json")).content().contains("\"not-run\"", "needs 2 CPUs");
        assertThat(out.resolve("summary.html")).content().contains("needs 2 CPUs");
    }

    @Test
    void refusesANonEmptyOutDirWithoutForce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "a user's file");
        CliRunner.Run r = CliRunner.run("run", "--tests", "Counter_01", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("litmus: --out " + dir + " is not empty; choose another directory or add --force"
                + System.lineSeparator());
        assertThat(dir.resolve("mine.txt")).hasContent("a user's file");
    }

    @Test
    void forceReplacesAnEarlierRunsFilesAndKeepsTheUsers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "a user's file");
        Files.writeString(dir.resolve("jcstress-results-2020-01-01-00-00-00.bin.gz"), "an earlier run's dump");
        Files.createDirectories(dir.resolve("html/c2"));
        Files.writeString(dir.resolve("html/c2/index.html"), "an earlier report");
        // -c 1: every selected test needs 2 CPUs, so nothing runs and no jcstress starts
        CliRunner.Run r = CliRunner.run("run", "--tests", "Counter_01", "--out", dir.toString(), "--force", "--",
                "-c", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("mine.txt",
                    "summary.txt", "summary.md", "summary.json", "summary.html");
        }
    }

    @Test
    void refusesJcstressOptionsLitmusOwnsBeforeWritingAnything(@TempDir Path dir) {
        Path out = dir.resolve("run");
        CliRunner.Run r = CliRunner.run("run", "--out", out.toString(), "--", "-t", "Counter");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("jcstress option -t after -- is set by litmus; use --tests").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAStrayArgument(@TempDir Path dir) {
        CliRunner.Run r = CliRunner.run("run", "--out", dir.resolve("run").toString(), "--", "500");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'500'").doesNotContain("Exception");
    }

    @Test
    void refusesAnUnknownProgressStyle() {
        CliRunner.Run r = CliRunner.run("run", "--progress", "fancy");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--progress").doesNotContain("Exception:");
    }

    @Test
    void listMarksTestsThatNeedMoreCpus() {
        CliRunner.Run r = CliRunner.run("list", "--tests", "Counter_01_LostUpdate\\.(Racy|Atomic)$", "--cpus", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("not run here: needs 2 CPUs, this machine has 1")
                .contains("2 of them need more CPUs than the 1 here");
    }

    @Test
    void listNamesOnlyRacyVariants() {
        CliRunner.Run r = CliRunner.run("list", "--racy", "--names");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).contains("org.litmuslab.counter.Counter_01_LostUpdate.Racy")
                .doesNotContain("org.litmuslab.counter.Counter_01_LostUpdate.Atomic")
                .allSatisfy(l -> assertThat(l).startsWith("org.litmuslab."));
    }
}
