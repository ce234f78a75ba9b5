package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.results.Dumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code litmus compare} on two real teach runs of the first lessons (dumps compare-jdk17 and compare-jdk25): store
 * buffering's {@code 1, 1} was seen once on JDK 25 and never on JDK 17, and its interesting {@code 0, 0} went from
 * 131 of 56,768 samples (0.23 %) to 7,862 of 139,447 (5.64 %).
 */
class CompareCommandTest {

    private static final String SB = "org.litmuslab.visibility.Visibility_01_StoreBuffering.Plain";

    @TempDir
    Path dir;

    private static CliRunner.Run compare(String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--tests-jar", Dumps.testsJar().toString()));
        args.addAll(List.of(extra));
        args.add(Dumps.dump("compare-jdk17").toString());
        args.add(Dumps.dump("compare-jdk25").toString());
        CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return r;
    }

    private static JsonNode json(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(extra));
        return new ObjectMapper().readTree(compare(args.toArray(String[]::new)).out());
    }

    private static JsonNode test(JsonNode root, String name) {
        for (JsonNode t : root.get("tests")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no test " + name);
    }

    private static JsonNode row(JsonNode test, String outcome) {
        for (JsonNode r : test.get("rows")) {
            if (r.get("outcome").asText().equals(outcome)) {
                return r;
            }
        }
        throw new AssertionError("no row " + outcome);
    }

    private static List<String> kinds(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.get("flags").forEach(f -> out.add(f.get("kind").asText()));
        return out;
    }

    @Test
    void labelsDefaultToArchAndJdkOfEachDump() throws Exception {
        JsonNode root = json();
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("runs").findValuesAsText("label")).containsExactly("x86_64 JDK17", "x86_64 JDK25");
        assertThat(root.get("runs").get(0).get("environments").get(0).get("jdk").asText()).isEqualTo("17.0.15");
        assertThat(root.get("runs").get(1).get("environments").get(0).get("jdk").asText()).startsWith("25");
    }

    @Test
    void anOutcomeSeenInOnlyOneRunIsFlaggedAndSortedFirst() throws Exception {
        JsonNode sb = test(json(), SB);
        JsonNode oneOne = row(sb, "1, 1");
        assertThat(oneOne.get("cells").get(0).get("samples").asLong()).isZero();
        assertThat(oneOne.get("cells").get(1).get("samples").asLong()).isEqualTo(1);
        assertThat(kinds(oneOne)).containsExactly("seen-only-in");
        assertThat(oneOne.get("flags").get(0).get("text").asText()).isEqualTo("seen only in x86_64 JDK25");
        assertThat(sb.get("rows").get(0).get("outcome").asText()).as("flagged rows first").isEqualTo("1, 1");
        // one sample is not a significant change on its own
        assertThat(kinds(oneOne)).doesNotContain("significant-change");
    }

    @Test
    void aSignificantChangeIsFlaggedWithItsFigures() throws Exception {
        JsonNode sb = test(json(), SB);
        JsonNode zeroZero = row(sb, "0, 0");
        assertThat(zeroZero.get("expect").asText()).isEqualTo("ACCEPTABLE_INTERESTING");
        assertThat(zeroZero.get("cells").get(0).get("samples").asLong()).isEqualTo(131);
        assertThat(zeroZero.get("cells").get(1).get("samples").asLong()).isEqualTo(7_862);
        assertThat(kinds(zeroZero)).containsExactly("significant-change");
        assertThat(zeroZero.get("flags").get(0).get("text").asText()).isEqualTo("significant change: x86_64 JDK17 "
                + "0.23% vs x86_64 JDK25 5.64% (p < 1e-300, intervals apart)");
        // deadlock's actor2-blocked: 59 of 27,589 vs 136 of 50,697, intervals overlap and p > 0.05: no flag
        JsonNode blocked = row(test(json(), "org.litmuslab.deadlock.Deadlock_01_LockOrderInversion.Inverted"),
                "actor2-blocked");
        assertThat(kinds(blocked)).isEmpty();
    }

    @Test
    void forbiddenOutcomesNeverSeenAreSaidSo() throws Exception {
        JsonNode atomic = test(json(), "org.litmuslab.counter.Counter_01_LostUpdate.Atomic");
        JsonNode lost = row(atomic, "1");
        assertThat(kinds(lost)).containsExactly("never-seen");
        assertThat(lost.get("flags").get(0).get("text").asText()).isEqualTo("never seen anywhere (probability < "
                + "3.3e-5 at 95% in 90,630 samples)");
        assertThat(atomic.get("verdict").get("question").asText()).isEqualTo("forbidden");
        assertThat(atomic.get("verdict").get("answers").toString()).isEqualTo("[\"no\",\"no\"]");
    }

    @Test
    void textHasAVerdictLinePerTestAndTheTablesWithTheFlaggedTestsFirst() {
        String out = compare().out();
        assertThat(out).contains("x86_64 JDK17: ", "x86_64 JDK25: ", "JDK 17.0.15",
                "  Visibility_01_StoreBuffering.Plain (interesting 0, 0): x86_64 JDK17 yes, x86_64 JDK25 yes",
                "  Counter_01_LostUpdate.Racy (interesting 1): x86_64 JDK17 yes, x86_64 JDK25 yes",
                "  Counter_01_LostUpdate.Atomic (forbidden 1): x86_64 JDK17 no, x86_64 JDK25 no",
                "RESULT       EXPECT  x86_64 JDK17", "seen only in x86_64 JDK25");
        String tests = out.substring(out.indexOf("TESTS (flagged first):"));
        assertThat(tests.indexOf("[SEEN IN SOME] " + SB)).isPositive()
                .isLessThan(tests.indexOf("[CHANGED] org.litmuslab.counter.Counter_01_LostUpdate.Racy"));
        assertThat(tests.indexOf("[CHANGED] org.litmuslab.counter.Counter_01_LostUpdate.Racy"))
                .isLessThan(tests.indexOf("[SAME] org.litmuslab.counter.Counter_01_LostUpdate.Atomic"));
    }

    @Test
    void givenLabelsHeadTheColumns() throws Exception {
        JsonNode root = json("--labels", "old,new");
        assertThat(root.get("runs").findValuesAsText("label")).containsExactly("old", "new");
        assertThat(row(test(root, SB), "1, 1").get("flags").get(0).get("text").asText()).isEqualTo("seen only in new");
    }

    @Test
    void markdownIsOneTablePerTestWithAColumnPerRun() {
        String md = compare("--format", "md").out();
        assertThat(md).startsWith("# litmus compare").contains("## Verdicts",
                "| RESULT | EXPECT | x86_64 JDK17 | x86_64 JDK25 | FLAGS |",
                "| 1, 1 | Acceptable | 0 · 0.00% · p &lt; 5.3e-5 | 1 · &lt;0.01% · [1.3e-6, 4.1e-5] | seen only in x86_64 JDK25 |",
                "- `Visibility_01_StoreBuffering.Plain` (interesting 0, 0): x86_64 JDK17 yes, x86_64 JDK25 yes");
    }

    /** The README's example is this comparison as printed (its headings moved down two levels), from the verdicts on. */
    @Test
    void theReadmeExampleIsWhatComparePrints() throws Exception {
        String md = compare("--format", "md").out();
        String fromVerdicts = md.substring(md.indexOf("## Verdicts")).lines()
                .map(l -> l.startsWith("### ") ? "##" + l : l.startsWith("## ") ? "##" + l : l)
                .collect(java.util.stream.Collectors.joining("\n")).strip();
        assertThat(Files.readString(Path.of("../../README.md"))).contains(fromVerdicts);
    }

    @Test
    void htmlIsOnePageWithHooks() {
        String html = compare("--format", "html").out();
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>" + System.lineSeparator())
                .contains("<article class=\"test\"", "data-test=\"" + SB + "\"",
                        "<tr data-outcome=\"1, 1\" data-flags=\"seen-only-in\">",
                        "class=\"flag significant-change\"")
                .doesNotContain("<script", "http://", "src=");
    }

    @Test
    void outIsWrittenWholeAndNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("compare.md");
        compare("--format", "md", "--out", out.toString());
        String first = Files.readString(out);
        assertThat(first).startsWith("# litmus compare");
        CliRunner.Run again = CliRunner.run("compare", "--out", out.toString(), Dumps.dump("compare-jdk17").toString(),
                Dumps.dump("compare-jdk25").toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("litmus: --out " + out + " already exists; pass --force to replace it"
                + System.lineSeparator());
        assertThat(Files.readString(out)).isEqualTo(first);
        compare("--format", "md", "--out", out.toString(), "--force");
    }

    @Test
    void helpDescribesIt() {
        assertThat(CliRunner.run("--help").out()).contains("compare");
        CliRunner.Run r = CliRunner.run("compare", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--labels", "--tests-jar", "--format", "--out", "--force", "significant");
    }
}
