package org.litmuslab.cli.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.jcstress.ConsoleResults.Row;
import org.litmuslab.cli.jcstress.ConsoleResults.TestTable;

/**
 * The fixtures under src/test/resources/jcstress-console are consoles of real jcstress 0.16 runs on the project's
 * machine (x86_64, JDK 17.0.15), saved as printed:
 * <ul>
 *   <li>counter01-racy-2configs-v.log: {@code -t 'Counter_01_LostUpdate\.Racy$' -jvmArgs -XX:+UseParallelGC -sc false
 *       -f 1 -iters 1 -time 2000 -v} (two biased-locking configurations, per-fork tables then the final one);</li>
 *   <li>counter01-racy-de-locale-v.log: the same with -time 200 under {@code -Duser.language=de -Duser.country=DE};</li>
 *   <li>counter01-racy-atomic-v.log: {@code -t 'Counter_01_LostUpdate\.(Racy|Atomic)$'}, -time 200, -v: one
 *       interesting test, one in "All remaining tests";</li>
 *   <li>collection-sanity.log: the sanity run of mvn verify (no -v: only the interesting test's table).</li>
 * </ul>
 */
class ConsoleResultsTest {

    private static final String RACY = "org.litmuslab.counter.Counter_01_LostUpdate.Racy";
    private static final String ATOMIC = "org.litmuslab.counter.Counter_01_LostUpdate.Atomic";

    @Test
    void readsTheFinalTableAndSkipsPerForkTables() throws IOException {
        List<String> console = fixture("counter01-racy-2configs-v.log");
        Map<String, TestTable> tables = ConsoleResults.parse(console);
        assertThat(tables).containsOnlyKeys(RACY);
        TestTable racy = tables.get(RACY);
        assertThat(racy.status()).isEqualTo("OK");
        assertThat(racy.rows()).containsExactly(
                new Row("1", 5_131_061, "31.33%", "Interesting", "One update lost: both threads read 0."),
                new Row("2", 11_248_881, "68.67%", "Acceptable", "Both updates seen."));
        // The two per-fork tables printed during the run add up to the final one; they are not counted again.
        assertThat(racy.interestingSamples()).isEqualTo(3_407_710L + 1_723_351L);
        assertThat(racy.totalSamples()).isEqualTo(5_131_061L + 11_248_881L);
    }

    @Test
    void readsCountsGroupedInAnotherLocale() throws IOException {
        TestTable racy = ConsoleResults.find(fixture("counter01-racy-de-locale-v.log"), RACY).orElseThrow();
        assertThat(racy.rows()).extracting(Row::result, Row::samples, Row::freq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 1_026L, "0,85%"),
                        org.assertj.core.groups.Tuple.tuple("2", 119_443L, "99,15%"));
        assertThat(racy.interestingSamples()).isEqualTo(1_026L);
    }

    @Test
    void readsEveryPrintedTestIncludingZeroRows() throws IOException {
        Map<String, TestTable> tables = ConsoleResults.parse(fixture("counter01-racy-atomic-v.log"));
        assertThat(tables.keySet()).containsExactly(RACY, ATOMIC);
        TestTable atomic = tables.get(ATOMIC);
        assertThat(atomic.rows()).containsExactly(
                new Row("1", 0, "0.00%", "Forbidden", "One update lost: incrementAndGet is atomic."),
                new Row("2", 103_819, "100.00%", "Acceptable", "Both updates seen."));
        assertThat(atomic.rows().get(0).isForbidden()).isTrue();
        assertThat(atomic.interestingSamples()).isZero();
        assertThat(tables.get(RACY).interestingSamples()).isEqualTo(69L);
    }

    @Test
    void readsTextualOutcomesAndIgnoresTestsWithoutAFinalTable() throws IOException {
        List<String> console = fixture("collection-sanity.log");
        Map<String, TestTable> tables = ConsoleResults.parse(console);
        assertThat(tables).containsOnlyKeys("org.litmuslab.deadlock.Deadlock_01_LockOrderInversion.Inverted");
        TestTable t = tables.values().iterator().next();
        assertThat(t.rows()).extracting(Row::result)
                .containsExactly("actor1-blocked", "actor2-blocked", "both-ran", "deadlock");
        assertThat(t.rows().get(3).description()).endsWith("...");
        assertThat(ConsoleResults.find(console, "org.litmuslab.visibility.Visibility_01_StoreBuffering.Plain")).isEmpty();
    }

    @Test
    void readsMultiValueIdsByColumnAndUnchunksJcstressNames() {
        // Laid out with ReportUtils' own format strings: ids with spaces must not shift the columns.
        List<String> console = new ArrayList<>(List.of(
                "..... [FAILED] o.o.j.t.Sample.Test", "", "  Results across all configurations:", ""));
        String head = "%9s%11s%9s%13s  %s";
        String row = "%9s%,11d%9s%13s  %s";
        console.add(String.format(Locale.ROOT, head, "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
        console.add(String.format(Locale.ROOT, row, "0, 0, 1", 1_234_567, "50.00%", "Acceptable", "First."));
        console.add(String.format(Locale.ROOT, row, "1, 0, 1", 7, "0.00%", "Forbidden", "Backwards."));
        console.add("");
        TestTable t = ConsoleResults.find(console, "org.openjdk.jcstress.tests.Sample.Test").orElseThrow();
        assertThat(t.status()).isEqualTo("FAILED");
        assertThat(t.rows()).containsExactly(
                new Row("0, 0, 1", 1_234_567, "50.00%", "Acceptable", "First."),
                new Row("1, 0, 1", 7, "0.00%", "Forbidden", "Backwards."));
        assertThat(t.samples(Row::isForbidden)).isEqualTo(7);
    }

    @Test
    void keepsTheFirstTableOfATestPrintedTwice() {
        List<String> once = List.of(".... [FAILED] a.B", "", "  Results across all configurations:", "",
                "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION",
                "       1       10   10.00%    Forbidden  Lost.",
                "       2       90   90.00%   Acceptable  Fine.", "");
        List<String> twice = new ArrayList<>(once);
        twice.addAll(once.stream().map(l -> l.replace("10", "99")).toList());
        assertThat(ConsoleResults.parse(twice).get("a.B").totalSamples()).isEqualTo(100);
    }

    @Test
    void rejectsATableThatIsNotJcstressLayout() {
        List<String> garbled = List.of(".... [OK] a.B", "", "  Results across all configurations:", "",
                "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION",
                "       1     many   10.00%  Interesting  Lost.", "");
        assertThatThrownBy(() -> ConsoleResults.parse(garbled))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SAMPLES column is not a count");
        List<String> headerOnly = List.of(".... [OK] a.B", "", "  Results across all configurations:", "",
                "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION", "");
        assertThatThrownBy(() -> ConsoleResults.parse(headerOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without rows");
        List<String> cut = List.of(".... [OK] a.B", "", "  Results across all configurations:", "",
                "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION", "       1       10");
        assertThatThrownBy(() -> ConsoleResults.parse(cut))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than its header");
    }

    @Test
    void aTestWithoutTableHasNoRows() {
        List<String> error = List.of(".... [ERROR] a.B", "", "  Results across all configurations:", "",
                "  Messages:", "    java.lang.IllegalStateException: boom", "");
        TestTable t = ConsoleResults.find(error, "a.B").orElseThrow();
        assertThat(t.status()).isEqualTo("ERROR");
        assertThat(t.rows()).isEmpty();
    }

    private static List<String> fixture(String name) throws IOException {
        try (InputStream in = ConsoleResultsTest.class.getResourceAsStream("/jcstress-console/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
