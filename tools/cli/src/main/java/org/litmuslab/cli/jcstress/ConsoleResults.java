package org.litmuslab.cli.jcstress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the final result tables out of jcstress 0.16's console output: for each test, the block that starts with
 * {@code [OK] <test name>} followed by {@code Results across all configurations:} and jcstress's
 * {@code RESULT SAMPLES FREQ EXPECT DESCRIPTION} table. jcstress prints that block for interesting, failed and error
 * tests, and with {@code -v} for every test. Per-fork blocks printed while the run progresses (they have a
 * "Scheduling class" section instead) are skipped.
 *
 * <p>This reads text meant for people, so it follows the exact layout of jcstress 0.16's {@code ReportUtils}: the
 * columns are right-aligned to the end of their header word, the SAMPLES column is grouped in the printing JVM's
 * locale ({@code 5,131,061}, {@code 5.131.061}, ...), and descriptions are cut to 60 characters. The result dump is
 * the complete record; this is for a caller that ran one known test and needs its sample counts.
 */
public final class ConsoleResults {

    /** One row of a result table, as jcstress printed it. */
    public record Row(String result, long samples, String freq, String expect, String description) {
        public boolean isInteresting() {
            return "Interesting".equals(expect);
        }

        public boolean isForbidden() {
            return "Forbidden".equals(expect);
        }
    }

    /** A test's final table: its status label ({@code OK}, {@code FAILED}, {@code ERROR}, ...) and its rows. */
    public record TestTable(String test, String status, List<Row> rows) {
        public TestTable {
            rows = List.copyOf(rows);
        }

        /** Samples of the rows the predicate selects. */
        public long samples(Predicate<Row> which) {
            return rows.stream().filter(which).mapToLong(Row::samples).sum();
        }

        /** Samples of every row. */
        public long totalSamples() {
            return samples(r -> true);
        }

        /** Samples graded ACCEPTABLE_INTERESTING. */
        public long interestingSamples() {
            return samples(Row::isInteresting);
        }
    }

    /** The line naming a test: dots, the status in brackets, the (possibly abbreviated) name. */
    private static final Pattern TEST_LINE = Pattern.compile("^\\s*\\.*\\s*\\[([A-Z][A-Z ]*)]\\s+(\\S+)\\s*$");
    private static final String FINAL_MARKER = "Results across all configurations:";
    private static final Pattern HEADER = Pattern.compile("^\\s*RESULT\\s+SAMPLES\\s+FREQ\\s+EXPECT\\s+DESCRIPTION\\s*$");
    /** jcstress abbreviates its own package in test names (StringUtils.chunkName). */
    private static final String CHUNKED_PREFIX = "o.o.j.t";
    private static final String FULL_PREFIX = "org.openjdk.jcstress.tests";

    private ConsoleResults() {
    }

    /**
     * Every final result table in the console output, by full test name, in the order first printed. A test that
     * jcstress lists in two sections (e.g. interesting and failed) prints the same table twice; the first is kept.
     *
     * @throws IllegalArgumentException when a table is cut short or a row does not fit the header's columns
     */
    public static Map<String, TestTable> parse(List<String> lines) {
        Map<String, TestTable> tables = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TEST_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int next = skipBlank(lines, i + 1);
            if (next >= lines.size() || !lines.get(next).trim().equals(FINAL_MARKER)) {
                continue; // a per-fork block, or a name in some other listing
            }
            String name = unchunk(m.group(2));
            int header = skipBlank(lines, next + 1);
            List<Row> rows = new ArrayList<>();
            if (header < lines.size() && HEADER.matcher(lines.get(header)).matches()) {
                int end = readRows(lines, header, rows);
                i = end - 1;
            }
            // No header: jcstress printed no table (a test that produced no samples, e.g. an error).
            tables.putIfAbsent(name, new TestTable(name, m.group(1).trim(), rows));
        }
        return Collections.unmodifiableMap(tables);
    }

    /** The final result table of one test (full name as in the TestList), if the console has one. */
    public static Optional<TestTable> find(List<String> lines, String testName) {
        return Optional.ofNullable(parse(lines).get(testName));
    }

    /** Reads rows below the header up to the first blank line; returns the index after the table. */
    private static int readRows(List<String> lines, int headerIndex, List<Row> rows) {
        String header = lines.get(headerIndex);
        int resultEnd = header.indexOf("RESULT") + "RESULT".length();
        int samplesEnd = header.indexOf("SAMPLES") + "SAMPLES".length();
        int freqEnd = header.indexOf("FREQ") + "FREQ".length();
        int expectEnd = header.indexOf("EXPECT") + "EXPECT".length();
        int i = headerIndex + 1;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            if (line.length() < expectEnd) {
                throw new IllegalArgumentException("jcstress console line " + (i + 1)
                        + ": result row shorter than its header: '" + line + "'");
            }
            String samples = line.substring(resultEnd, samplesEnd).trim();
            String digits = samples.replaceAll("\\D", "");
            // Grouping separators vary by locale (',', '.', ' ', '\u00a0', '\u202f', '\''); anything else is wrong.
            if (digits.isEmpty() || !samples.matches("\\d[\\d,.'\\s\u00a0\u202f]*")) {
                throw new IllegalArgumentException("jcstress console line " + (i + 1)
                        + ": SAMPLES column is not a count: '" + samples + "' in '" + line + "'");
            }
            rows.add(new Row(line.substring(0, resultEnd).trim(), Long.parseLong(digits),
                    line.substring(samplesEnd, freqEnd).trim(), line.substring(freqEnd, expectEnd).trim(),
                    line.substring(expectEnd).trim()));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("jcstress console line " + (headerIndex + 1)
                    + ": result table header without rows");
        }
        return i;
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String unchunk(String name) {
        return name.startsWith(CHUNKED_PREFIX + ".") ? FULL_PREFIX + name.substring(CHUNKED_PREFIX.length()) : name;
    }
}
