package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.results.render.By;
import org.litmuslab.cli.results.render.Format;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.vm.CompileMode;

/** The model: statuses and reasons as jcstress grades them, and tests that did not run. */
class SummarizerTest {

    private static final String ATOMIC = "org.litmuslab.counter.Counter_01_LostUpdate.Atomic";
    private static final String RACY = "org.litmuslab.counter.Counter_01_LostUpdate.Racy";
    private static final TestCatalog CATALOG = TestCatalog.fromClassPath();
    private static final RunEnvironment ENV = new RunEnvironment(Map.of("java.version", "17.0.15", "os.arch", "amd64"), 2);

    private static DumpRecord record(String test, Status status, Map<String, Long> counts, String... messages) {
        ConfigKey config = new ConfigKey(CompileMode.UNIFIED, List.of("actor1", "actor2"), "(PG 0, CG 0), (PG 0, CG 1)",
                List.of("-XX:+UseParallelGC"), "Thread.onSpinWait()", 0, 1, 1, 1);
        return new DumpRecord(test, config, 0, status, counts, List.of(messages), List.of(), List.of(), ENV);
    }

    private static Map<String, Long> counts(Object... idAndCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < idAndCount.length; i += 2) {
            m.put((String) idAndCount[i], ((Number) idAndCount[i + 1]).longValue());
        }
        return m;
    }

    private static String render(Summary s, Format f) throws Exception {
        StringWriter w = new StringWriter();
        f.renderer().render(s, By.test, w);
        return w.toString();
    }

    @Test
    void aForbiddenOutcomeFailsTheTestWithJcstressMessage() throws Exception {
        Summary s = new Summarizer(CATALOG).add(record(ATOMIC, Status.NORMAL, counts("2", 99, "1", 1))).summarize();
        TestSummary t = s.tests().get(0);
        assertThat(t.status()).isEqualTo(TestStatus.FAILED);
        assertThat(t.reason()).isEqualTo("Observed forbidden state: 1 (One update lost: incrementAndGet is atomic.)");
        assertThat(t.categories().forbidden()).isEqualTo(new Categories.Count(1, 1));
        assertThat(s.totals().count(TestStatus.FAILED)).isEqualTo(1);
        assertThat(render(s, Format.junit)).contains("<failure message=\"Observed forbidden state: 1 (One update "
                + "lost: incrementAndGet is atomic.)\" type=\"FORBIDDEN\"");
        assertThat(render(s, Format.text)).contains("Failed tests: 1 matching test results.", "[FAILED]");
    }

    @Test
    void anUnmatchedOutcomeFallsToTheCatchAll() {
        Summary s = new Summarizer(CATALOG).add(record(RACY, Status.NORMAL, counts("2", 10, "3", 1))).summarize();
        OutcomeResult three = s.tests().get(0).outcomes().stream().filter(o -> o.id().equals("3")).findFirst()
                .orElseThrow();
        assertThat(three.expect()).isEqualTo(Expect.FORBIDDEN);
        assertThat(three.description()).isEqualTo("Impossible: the arbiter sees both writes.");
        assertThat(s.tests().get(0).status()).isEqualTo(TestStatus.FAILED);
    }

    @Test
    void jcstressErrorsAreErrorsWithTheirMessage() throws Exception {
        Summary s = new Summarizer(CATALOG)
                .add(record(ATOMIC, Status.TIMEOUT_ERROR, counts("2", 5), "Timed out waiting for the fork"))
                .add(record(RACY, Status.VM_ERROR, counts(), "Failed with error code 134"))
                .summarize();
        assertThat(s.tests()).extracting(TestSummary::status).containsOnly(TestStatus.ERROR);
        assertThat(s.tests().get(0).reason()).isEqualTo("TIMEOUT: Timed out waiting for the fork");
        assertThat(s.tests().get(1).reason()).isEqualTo("VM ERROR: Failed with error code 134");
        assertThat(s.tests().get(1).samples()).isZero();
        assertThat(s.tests().get(1).outcomes()).allSatisfy(o -> {
            assertThat(o.ci95()).isNull();
            assertThat(o.upperBound95()).isNull();
        });
        assertThat(render(s, Format.junit)).contains("<error message=\"VM ERROR: Failed with error code 134\"");
    }

    @Test
    void theWorstStatusOfTheForksWins() {
        Summary s = new Summarizer(CATALOG)
                .add(record(ATOMIC, Status.NORMAL, counts("2", 5)))
                .add(record(ATOMIC, Status.TEST_ERROR, counts("2", 5), "java.lang.IllegalStateException: boom"))
                .summarize();
        TestSummary t = s.tests().get(0);
        assertThat(t.status()).isEqualTo(TestStatus.ERROR);
        assertThat(t.samples()).isEqualTo(10);
        assertThat(t.configs()).singleElement().satisfies(c -> assertThat(c.forks()).isEqualTo(2));
    }

    @Test
    void testsThatDidNotRunCarryTheirReason() throws Exception {
        Summary s = new Summarizer(CATALOG)
                .add(record(ATOMIC, Status.NORMAL, counts("2", 5)))
                .notRun(RACY, "needs 4 CPUs, this machine has 2")
                .notRun("org.example.Other_01_Unknown.Variant", "needs 3 CPUs, this machine has 2")
                .notRun(ATOMIC, "ignored: it has results")
                .summarize();
        // sorted by name, as jcstress sorts its report
        assertThat(s.tests()).extracting(TestSummary::name, TestSummary::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("org.example.Other_01_Unknown.Variant", TestStatus.NOT_RUN),
                org.assertj.core.groups.Tuple.tuple(ATOMIC, TestStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(RACY, TestStatus.NOT_RUN));
        TestSummary racy = s.tests().get(2);
        assertThat(racy.reason()).isEqualTo("needs 4 CPUs, this machine has 2");
        assertThat(racy.description()).isEqualTo("Plain int v++ from two threads loses an update.");
        assertThat(racy.outcomes()).extracting(OutcomeResult::samples).containsOnly(0L);
        assertThat(s.tests().get(0).topic()).isEqualTo("example");
        assertThat(s.tests().get(0).outcomes()).isEmpty();
        assertThat(s.totals().count(TestStatus.NOT_RUN)).isEqualTo(2);

        assertThat(render(s, Format.junit)).contains("<skipped message=\"not run: needs 4 CPUs, this machine has 2\"");
        assertThat(render(s, Format.text)).contains("Not run tests: 2 matching test results.",
                "Why: needs 4 CPUs, this machine has 2");
        assertThat(render(s, Format.json)).contains("\"status\" : \"not-run\"",
                "\"reason\" : \"needs 4 CPUs, this machine has 2\"");
    }

    @Test
    void apiMismatchIsNotRun() {
        Summary s = new Summarizer(CATALOG).add(record(ATOMIC, Status.API_MISMATCH, counts())).summarize();
        assertThat(s.tests().get(0).status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(s.tests().get(0).reason()).contains("API mismatch");
    }

    @Test
    void hostileTextIsEscapedInEveryFormat() throws Exception {
        String id = "<script>alert(1)</script>|\"&\u0000";
        Summary s = new Summarizer(CATALOG).add(record("org.example.x.Evil_01_Id.V", Status.NORMAL, counts(id, 3)))
                .summarize();
        assertThat(render(s, Format.html)).doesNotContain("<script>").contains("&lt;script&gt;");
        String junit = render(s, Format.junit);
        assertThat(junit).doesNotContain("\u0000");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(junit))); // well-formed
        assertThat(render(s, Format.md)).doesNotContain("<script>").contains("\\|");
    }
}
