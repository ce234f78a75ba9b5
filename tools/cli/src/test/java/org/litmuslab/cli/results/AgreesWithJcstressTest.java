package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.results.render.Figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The summary's per-outcome counts equal jcstress's own "Results across all configurations", test by test, row by
 * row, for every checked-in dump of a real run: same tests, same outcome ids in the same order, same samples, same
 * grades, same FREQ; and the status agrees with jcstress's label.
 */
class AgreesWithJcstressTest {

    static List<String> dumps() {
        return Dumps.GENUINE;
    }

    /** The text format prints jcstress's table as jcstress does, then adds the confidence column. */
    @ParameterizedTest
    @MethodSource("dumps")
    void textTablesMatchJcstressCharacterForCharacter(String dump) throws Exception {
        CliRunner.Run run = CliRunner.run("summarize", "--tests-jar", Dumps.testsJar().toString(), Dumps.dump(dump).toString());
        assertThat(run.exitCode()).isZero();
        List<String> ours = run.out().lines().toList();
        List<String> theirs = java.nio.file.Files.readAllLines(Dumps.report(dump));
        int rows = 0;
        for (int i = 0; i < theirs.size(); i++) {
            if (theirs.get(i).strip().startsWith("RESULT")) {
                for (int j = i; j < theirs.size() && !theirs.get(j).isBlank(); j++) {
                    String line = theirs.get(j);
                    assertThat(ours).as("a line starting with jcstress's %n%s", line)
                            .anyMatch(l -> l.startsWith(line));
                    rows++;
                }
            }
        }
        assertThat(rows).isPositive();
    }

    @ParameterizedTest
    @MethodSource("dumps")
    void jsonCountsEqualJcstressResultsAcrossAllConfigurations(String dump) throws Exception {
        Map<String, JcstressReport.Test> reference = JcstressReport.parse(Dumps.report(dump));
        assertThat(reference).as("jcstress's report of %s", dump).isNotEmpty();

        CliRunner.Run run = CliRunner.run("summarize", "--format", "json", "--tests-jar", Dumps.testsJar().toString(),
                Dumps.dump(dump).toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());

        List<String> names = new ArrayList<>();
        json.get("tests").forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(reference.keySet());

        for (JsonNode t : json.get("tests")) {
            JcstressReport.Test ref = reference.get(t.get("name").asText());
            long total = t.get("samples").asLong();
            List<String> ours = new ArrayList<>();
            for (JsonNode o : t.get("outcomes")) {
                ours.add(o.get("id").asText() + " | " + o.get("samples").asLong() + " | "
                        + Figures.percent(o.get("samples").asLong(), total) + " | " + o.get("expect").asText());
            }
            List<String> theirs = ref.rows().stream()
                    .map(r -> r.id() + " | " + r.samples() + " | " + r.freq() + " | " + r.expect()).toList();
            assertThat(ours).as("rows of %s in %s", ref.name(), dump).containsExactlyElementsOf(theirs);
            assertThat(total).isEqualTo(ref.rows().stream().mapToLong(JcstressReport.Row::samples).sum());

            String status = t.get("status").asText();
            switch (ref.label()) {
                case "OK" -> assertThat(status).isIn("passed", "interesting");
                case "FAILED" -> assertThat(status).isEqualTo("failed");
                case "SKIPPED" -> assertThat(status).isEqualTo("not-run");
                default -> assertThat(status).isEqualTo("error");
            }
            boolean interesting = ref.rows().stream().anyMatch(r -> r.expect().equals("Interesting") && r.samples() > 0);
            if (ref.label().equals("OK")) {
                assertThat(status).isEqualTo(interesting ? "interesting" : "passed");
            }
        }
    }
}
