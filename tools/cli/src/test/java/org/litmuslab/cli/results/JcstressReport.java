package org.litmuslab.cli.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader of jcstress's console report ("RUN RESULTS" with -v), the reference the summary must agree with.
 * The product never parses jcstress's text.
 */
final class JcstressReport {

    /** One row of "Results across all configurations". */
    record Row(String id, long samples, String freq, String expect, String description) {
    }

    /** One test: jcstress's label (OK, FAILED, ERROR, ...) and its rows, in jcstress's order. */
    record Test(String label, String name, List<Row> rows) {
    }

    private static final Pattern TEST = Pattern.compile("^\\.* ?\\[([A-Z ]+)\\] (\\S+)$");

    private JcstressReport() {
    }

    static Map<String, Test> parse(Path report) throws IOException {
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        Map<String, Test> tests = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TEST.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).contains("RESULT") && !TEST.matcher(lines.get(j).strip()).matches()) {
                j++;
            }
            if (j < lines.size() && lines.get(j).contains("RESULT")) {
                String head = lines.get(j);
                int idEnd = head.indexOf("RESULT") + "RESULT".length();
                int samplesEnd = head.indexOf("SAMPLES") + "SAMPLES".length();
                int freqEnd = head.indexOf("FREQ") + "FREQ".length();
                int expectEnd = head.indexOf("EXPECT") + "EXPECT".length();
                for (j++; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    String l = lines.get(j);
                    rows.add(new Row(l.substring(0, idEnd).strip(),
                            Long.parseLong(l.substring(idEnd, samplesEnd).strip().replace(",", "")),
                            l.substring(samplesEnd, freqEnd).strip(), l.substring(freqEnd, expectEnd).strip(),
                            l.substring(expectEnd).strip()));
                }
            }
            tests.put(m.group(2), new Test(m.group(1), m.group(2), rows));
        }
        return tests;
    }
}
