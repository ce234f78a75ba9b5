package org.litmuslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.commands.RunCommand;
import org.litmuslab.cli.jcstress.Preset;

import picocli.CommandLine;

class LitmusCliTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner.Run r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("list", "run", "Exit codes:", "USAGE");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void noSubcommandPrintsUsage() {
        CliRunner.Run r = CliRunner.run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: litmus");
    }

    @Test
    void versionNamesJcstressAndJava() {
        CliRunner.Run r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("litmus ").contains("jcstress 0.16", "Java " + System.getProperty("java.version"));
    }

    @Test
    void listShowsEveryTestOfEveryModule() {
        TestCatalog catalog = TestCatalog.fromClassPath();
        CliRunner.Run r = CliRunner.run("list");
        assertThat(r.exitCode()).isZero();
        catalog.all().forEach(t -> assertThat(r.out()).contains(t.name()));
        assertThat(r.out()).contains("counter", "deadlock", "visibility", "Continuous")
                .contains(catalog.size() + " tests");
    }

    @Test
    void listFiltersByRegex() {
        CliRunner.Run r = CliRunner.run("list", "--tests", "StoreBuffering");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Visibility_01_StoreBuffering.Plain").doesNotContain("Counter_01");
    }

    @Test
    void badRegexIsOneLineUsageError() {
        CliRunner.Run r = CliRunner.run("list", "--tests", "([");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: --tests '([' is not a valid regular expression")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void unknownCommandIsUsageError() {
        CliRunner.Run r = CliRunner.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument", "frobnicate").doesNotContain("Exception");
    }

    @Test
    void runRefusesASelectionWithoutTests(@TempDir Path dir) {
        CliRunner.Run r = CliRunner.run("run", "--tests", "NoSuchTest", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no test matches --tests 'NoSuchTest'").hasLineCount(1);
    }

    @Test
    void runRefusesAnUnknownPreset() {
        CliRunner.Run r = CliRunner.run("run", "--preset", "fastest");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--preset").contains("fastest");
    }

    @Test
    void runParsesPresetOutTimeoutAndPassThroughArgs() {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("--preset", "default", "--tests", "_01_", "--out", "x", "--timeout", "5",
                "--", "-v", "-time", "100");
        assertThat(cmd).extracting("preset", "tests", "out", "timeoutMinutes")
                .containsExactly(Preset.default_, "_01_", Path.of("x"), 5L);
        assertThat(cmd).extracting("jcstressArgs").asList().containsExactly("-v", "-time", "100");
    }

    @Test
    void presetsMapJcstressModes() {
        assertThat(Preset.of("quick").jcstressArgs()).containsExactly("-m", "quick");
        assertThat(Preset.of("default").jcstressArgs()).containsExactly("-m", "default");
        assertThat(Preset.of("sanity").jcstressArgs()).contains("-m", "sanity", "-jvmArgs");
    }
}
