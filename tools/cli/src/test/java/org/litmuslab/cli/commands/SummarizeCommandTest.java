package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.results.Dumps;
import org.litmuslab.cli.results.SyntheticDump;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.render.Format;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

class SummarizeCommandTest {

    @TempDir
    Path dir;

    private static String quick() {
        return Dumps.dump("quick").toString();
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("summarize", "--format", "json"));
        all.addAll(List.of(args));
        CliRunner.Run r = CliRunner.run(all.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void textIsTheDefaultInJcstressColumnsAndSections() {
        CliRunner.Run r = CliRunner.run("summarize", quick());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("RESULTS:", "Interesting tests:", "Failed tests: No matches.", "Error tests:",
                "All remaining tests:", "TOTALS:", "Results across all configurations:",
                "  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION", "95% CONFIDENCE",
                "[INTERESTING] org.litmuslab.counter.Counter_01_LostUpdate.Racy",
                "JDK 17.0.15", "amd64, 2 CPUs");
        // jcstress's own row for the lost update, character for character (from quick.results.txt)
        assertThat(r.out()).contains("       1   87,014,479   26.43%  Interesting  One update lost: both threads read 0.");
    }

    @Test
    void helpListsSummarize() {
        assertThat(CliRunner.run("--help").out()).contains("summarize");
        CliRunner.Run r = CliRunner.run("summarize", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--tests-jar", "--format", "--by", "--out", "--force", "allow-list");
    }

    @Test
    void totalsCountEveryTopic() {
        CliRunner.Run r = CliRunner.run("summarize", quick());
        String totals = r.out().substring(r.out().indexOf("TOTALS:"));
        assertThat(totals.lines().filter(l -> !l.isBlank()).toList()).hasSize(1 + 1 + 3 + 1);
        assertThat(totals).containsPattern("all +6 +3 +3 +0 +0 +0 +0 +762,712,482 +608,203,021 \\(12\\) "
                + "+154,509,461 \\(3\\) +0 \\(0\\)");
        assertThat(totals.lines()).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonNode j = json(quick());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(Summary.SCHEMA_VERSION).isEqualTo(1);
        assertThat(j.get("by").asText()).isEqualTo("test");
        assertThat(j.get("dumps").get(0).asText()).isEqualTo(quick());
        JsonNode env = j.get("environments").get(0);
        assertThat(env.get("jdk").asText()).isEqualTo("17.0.15");
        assertThat(env.get("cpus").asInt()).isEqualTo(2);
        assertThat(env.get("properties").get("os.arch").asText()).isEqualTo("amd64");
        assertThat(j.get("totals").get("tests").asInt()).isEqualTo(6);
        assertThat(j.get("topics")).hasSize(3);

        JsonNode racy = find(j, "org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        assertThat(racy.get("topic").asText()).isEqualTo("counter");
        assertThat(racy.get("status").asText()).isEqualTo("interesting");
        assertThat(racy.get("description").asText()).isEqualTo("Plain int v++ from two threads loses an update.");
        assertThat(racy.get("refs").get(0).asText()).startsWith("https://docs.oracle.com/");
        assertThat(racy.get("actors").asInt()).isEqualTo(2);
        assertThat(racy.get("configurations").asInt()).isEqualTo(28);
        assertThat(racy.get("samples").asLong()).isEqualTo(329_225_534L);
        assertThat(racy.has("configs")).isFalse();
        JsonNode lost = racy.get("outcomes").get(0);
        assertThat(lost.get("id").asText()).isEqualTo("1");
        assertThat(lost.get("expect").asText()).isEqualTo("Interesting");
        assertThat(lost.get("samples").asLong()).isEqualTo(87_014_479L);
        assertThat(lost.get("frequency").asDouble()).isEqualTo(87_014_479.0 / 329_225_534L);
        assertThat(lost.get("ci95").get(0).asDouble()).isLessThan(lost.get("frequency").asDouble());
        assertThat(lost.get("ci95").get(1).asDouble()).isGreaterThan(lost.get("frequency").asDouble());
        assertThat(lost.has("upperBound95")).isFalse();
        JsonNode cat = racy.get("categories");
        assertThat(cat.get("interesting").get("samples").asLong()).isEqualTo(87_014_479L);
        assertThat(cat.get("interesting").get("outcomes").asInt()).isEqualTo(1);
        assertThat(cat.get("forbidden").get("samples").asLong()).isZero();

        JsonNode atomic = find(j, "org.litmuslab.counter.Counter_01_LostUpdate.Atomic");
        JsonNode never = atomic.get("outcomes").get(0);
        assertThat(never.get("expect").asText()).isEqualTo("Forbidden");
        assertThat(never.get("samples").asLong()).isZero();
        assertThat(never.has("ci95")).isFalse();
        double n = atomic.get("samples").asDouble();
        assertThat(never.get("upperBound95").asDouble()).isBetween(2.99 / n, 3.0 / n);
    }

    @Test
    void byConfigBreaksEachTestDown() throws Exception {
        JsonNode racy = find(json("--by", "config", quick()), "org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        JsonNode configs = racy.get("configs");
        assertThat(configs).hasSize(28);
        long sum = 0;
        for (JsonNode c : configs) {
            sum += c.get("samples").asLong();
            assertThat(c.get("label").asText()).contains("UseBiasedLocking");
            assertThat(c.get("compilation").asText()).startsWith("split: actor1 ");
            assertThat(c.get("forks").asInt()).isEqualTo(1);
        }
        assertThat(sum).isEqualTo(racy.get("samples").asLong());

        CliRunner.Run text = CliRunner.run("summarize", "--by", "config", quick());
        assertThat(text.out()).contains("-XX:+UseBiasedLocking; split: actor1 C2, actor2 C2; (PG 0, CG 0), (PG 0, CG 1)",
                "1 fork, ");
    }

    @Test
    void byTopicGroupsTests() {
        CliRunner.Run r = CliRunner.run("summarize", "--by", "topic", quick());
        assertThat(r.out()).contains("RESULTS BY TOPIC:", "Topic counter: 2 tests", "Topic deadlock: 2 tests",
                "Topic visibility: 2 tests");
        assertThat(r.out().indexOf("Topic counter")).isLessThan(r.out().indexOf("Counter_01_LostUpdate.Atomic"));
    }

    @Test
    void severalDumpsMergeIntoOneSummary() throws Exception {
        JsonNode one = find(json(quick()), "org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        JsonNode teach = find(json(Dumps.dump("teach").toString()), "org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        JsonNode both = find(json("--by", "config", quick(), Dumps.dump("teach").toString()),
                "org.litmuslab.counter.Counter_01_LostUpdate.Racy");
        assertThat(both.get("samples").asLong()).isEqualTo(one.get("samples").asLong() + teach.get("samples").asLong());
        assertThat(both.get("outcomes").get(0).get("samples").asLong()).isEqualTo(
                one.get("outcomes").get(0).get("samples").asLong() + teach.get("outcomes").get(0).get("samples").asLong());
        assertThat(both.get("configurations").asInt()).isGreaterThan(28);

        JsonNode two = json(Dumps.dump("sanity").toString(), Dumps.dump("jdk25-unified").toString());
        assertThat(two.get("environments")).hasSize(2);
        assertThat(two.get("dumps")).hasSize(2);
    }

    @Test
    void testsJarGradesOtherProjectsAndUnknownTestsAreUngraded() throws Exception {
        Path jar = dir.resolve("synthetic.jar");
        SyntheticDump.writeTestsJar(3, jar);
        // Our dump graded against a jar that knows none of our tests: all ungraded, counts intact.
        JsonNode j = json("--tests-jar", jar.toString(), quick());
        assertThat(j.get("tests")).hasSize(6);
        for (JsonNode t : j.get("tests")) {
            assertThat(t.get("status").asText()).isEqualTo("ungraded");
            assertThat(t.get("reason").asText()).contains("TestList");
            assertThat(t.get("samples").asLong()).isPositive();
            t.get("outcomes").forEach(o -> assertThat(o.get("expect").asText()).isEqualTo("Unknown"));
        }
        assertThat(j.get("totals").get("statuses").get("ungraded").asInt()).isEqualTo(6);
        assertThat(j.get("totals").get("categories").get("unknown").get("samples").asLong())
                .isEqualTo(j.get("totals").get("samples").asLong());
        CliRunner.Run text = CliRunner.run("summarize", "--tests-jar", jar.toString(), quick());
        assertThat(text.out()).contains("Ungraded tests: 6 matching test results.", "[UNGRADED]");
    }

    @Test
    void junitXmlHasOneTestcasePerTest() throws Exception {
        CliRunner.Run r = CliRunner.run("summarize", "--format", "junit", quick());
        assertThat(r.exitCode()).isZero();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("org.litmuslab.counter.Counter_01_LostUpdate");
        assertThat(first.getAttribute("name")).isEqualTo("Atomic");
        assertThat(first.getElementsByTagName("system-out").item(0).getTextContent()).contains("RESULT", "SAMPLES");
    }

    @Test
    void csvHasAHeaderAndOneRowPerTestAndOutcome() throws Exception {
        CliRunner.Run r = CliRunner.run("summarize", "--format", "csv", quick());
        assertThat(r.exitCode()).isZero();
        List<List<String>> rows = csv(r.out());
        assertThat(rows.get(0)).containsExactly("test", "topic", "status", "config", "outcome", "expect",
                "description", "samples", "frequency", "ci95_low", "ci95_high", "upper_bound95");
        // 2 + 2 + 4 + 4 + 4 + 4 outcome rows
        assertThat(rows).hasSize(1 + 20);
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(
                "org.litmuslab.counter.Counter_01_LostUpdate.Racy", "counter", "interesting", "", "1", "Interesting",
                "One update lost: both threads read 0.", "87014479"));

        CliRunner.Run byConfig = CliRunner.run("summarize", "--format", "csv", "--by", "config", quick());
        assertThat(csv(byConfig.out())).hasSize(1 + 28 * 20);
    }

    private static List<List<String>> csv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(new StringReader(text))) {
            while (it.hasNext()) {
                rows.add(Arrays.asList(it.next()));
            }
        }
        return rows;
    }

    @Test
    void markdownHasTables() {
        CliRunner.Run r = CliRunner.run("summarize", "--format", "md", quick());
        assertThat(r.out()).startsWith("# litmus summary").contains("## Totals", "## Interesting tests (",
                "| RESULT | SAMPLES | FREQ | EXPECT | DESCRIPTION | 95% CONFIDENCE |",
                "| 1 | 87,014,479 | 26.43% | Interesting | One update lost: both threads read 0. |");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatWritesItsFileAtomicallyAndNeverOverwritesWithoutForce(Format format) throws Exception {
        Path out = dir.resolve("summary." + format);
        CliRunner.Run r = CliRunner.run("summarize", "--format", format.name(), "--out", out.toString(), quick());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        String first = Files.readString(out);
        assertThat(first).contains("Counter_01_LostUpdate");

        CliRunner.Run again = CliRunner.run("summarize", "--format", format.name(), "--out", out.toString(), quick());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("litmus: --out " + out + " already exists; pass --force to replace it"
                + System.lineSeparator());
        CliRunner.Run forced = CliRunner.run("summarize", "--format", format.name(), "--out", out.toString(), "--force",
                Dumps.dump("sanity").toString());
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(out)).isNotEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }

    static JsonNode find(JsonNode summary, String name) {
        for (JsonNode t : summary.get("tests")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no test " + name);
    }
}
