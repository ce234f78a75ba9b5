package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.results.Dumps;

/**
 * Bad input to compare fails as summarize does (the same checks, {@link DumpInputs}): one line on stderr, exit code
 * 2, no output file. The many kinds of damaged dump are {@link SummarizeBadInputTest}'s; here the ones compare adds.
 */
class CompareBadInputTest {

    @TempDir
    Path in;
    @TempDir
    Path outDir;

    private String refused(String... args) throws IOException {
        Path out = outDir.resolve("compare.html");
        List<String> all = new ArrayList<>(List.of("compare", "--format", "html", "--out", out.toString()));
        all.addAll(Arrays.asList(args));
        CliRunner.Run r = CliRunner.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("litmus: ").hasLineCount(1).doesNotContain("Exception", "\tat ");
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files).as("files left in the output directory").isEmpty();
        }
        return r.err().strip();
    }

    private static String good(String name) {
        return Dumps.dump(name).toString();
    }

    @Test
    void aMissingDump() throws IOException {
        Path p = in.resolve("jcstress-results-missing.bin.gz");
        assertThat(refused(good("compare-jdk17"), p.toString())).isEqualTo("litmus: dump " + p
                + " does not exist; pass a jcstress-results-*.bin.gz that a jcstress 0.16 run wrote");
    }

    @Test
    void aTruncatedDumpAfterGoodOnes() throws IOException {
        byte[] genuine = Files.readAllBytes(Dumps.dump("compare-jdk25"));
        Path p = Files.write(in.resolve("cut.bin.gz"), Arrays.copyOf(genuine, genuine.length - 100));
        assertThat(refused(good("compare-jdk17"), good("compare-jdk25"), p.toString()))
                .contains(p + ": its gzip data is truncated");
    }

    @Test
    void notADump() throws IOException {
        Path p = Files.write(in.resolve("notes.bin.gz"), "RUN RESULTS:\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused(good("compare-jdk17"), p.toString())).contains(p + ": it is not gzip-compressed");
    }

    @Test
    void labelsThatDoNotFit() throws IOException {
        assertThat(refused("--labels", "a,b,c", good("compare-jdk17"), good("compare-jdk25"))).isEqualTo(
                "litmus: --labels names 3 runs but 2 dumps were given; give one label per dump, in the same order");
        assertThat(refused("--labels", "a,a", good("compare-jdk17"), good("compare-jdk25")))
                .isEqualTo("litmus: --labels names 'a' twice; each run needs its own label");
    }

    @Test
    void anUnreadableTestsJar() throws IOException {
        Path missing = in.resolve("no-such.jar");
        assertThat(refused("--tests-jar", missing.toString(), good("compare-jdk17"), good("compare-jdk25")))
                .isEqualTo("litmus: tests jar " + missing + " does not exist or is not a file");
    }

    @Test
    void anOutputInAMissingDirectory() throws IOException {
        Path out = outDir.resolve("no/such/compare.md");
        CliRunner.Run r = CliRunner.run("compare", "--out", out.toString(), good("compare-jdk17"),
                good("compare-jdk25"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("litmus: --out " + out + ": directory " + out.getParent()
                + " does not exist; create it first" + System.lineSeparator());
    }

    @Test
    void oneDumpIsNotAComparison() {
        CliRunner.Run r = CliRunner.run("compare", good("compare-jdk17"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: ").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }
}
