package org.litmuslab.cli.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Builds a {@link Summary}: merges the results of one or more dumps (read through {@link DumpReader}, the only
 * deserializer), grades them against a {@link TestCatalog}, and adds tests that did not run with the reason.
 *
 * <p>Results stream in: each is folded into per-test and per-configuration counts at once, so memory grows with
 * tests x configurations x outcomes, not with the size of the dumps. Merging follows jcstress's own report
 * ({@code ReportUtils.mergedByName} / {@code mergedByConfig}): counts add up, the worst status wins
 * ({@link Status#combine}).
 *
 * <pre>{@code
 * Summary s = new Summarizer(TestCatalog.fromClassPath())
 *         .addDump(Path.of("jcstress-results-2026-01-01-10-00-00.bin.gz"))
 *         .notRun("org.litmuslab.counter.Counter_09_FourThreads.Racy", "needs 4 CPUs, this machine has 2")
 *         .summarize();
 * }</pre>
 */
public final class Summarizer {

    /** Messages kept per test (jcstress can record thousands of lines of VM output). */
    public static final int MAX_MESSAGES = 40;

    private final TestCatalog catalog;
    private final DumpReader reader;
    private final List<String> dumps = new ArrayList<>();
    private final Map<String, TestAcc> tests = new HashMap<>();
    private final Map<String, String> notRun = new TreeMap<>();
    private final Set<RunEnvironment> environments = new LinkedHashSet<>();

    public Summarizer(TestCatalog catalog) {
        this(catalog, new DumpReader());
    }

    public Summarizer(TestCatalog catalog, DumpReader reader) {
        this.catalog = catalog;
        this.reader = reader;
    }

    /** Reads a whole dump; a bad dump throws a one-line {@link org.litmuslab.cli.UserException}. */
    public Summarizer addDump(Path dump) {
        reader.read(dump, r -> {
            try {
                add(r);
            } catch (ArithmeticException e) {
                throw DumpReader.refuse(dump, "the sample counts of " + r.test() + " add up past 2^63 (a forged dump?)");
            }
        });
        dumps.add(dump.toString());
        return this;
    }

    /** Folds in one result. */
    public Summarizer add(DumpRecord r) {
        tests.computeIfAbsent(r.test(), TestAcc::new).add(r);
        environments.add(r.environment());
        return this;
    }

    /**
     * Lists a test that did not run, e.g. {@code "needs 4 CPUs, this machine has 2"}. A test that has results
     * keeps them; the reason is then ignored.
     */
    public Summarizer notRun(String test, String reason) {
        notRun.put(test, reason);
        return this;
    }

    public Summary summarize() {
        Set<String> names = new java.util.TreeSet<>(tests.keySet());
        names.addAll(notRun.keySet());
        List<TestSummary> out = new ArrayList<>(names.size());
        for (String name : names) {
            Optional<LitmusTest> known = catalog.find(name);
            TestAcc acc = tests.get(name);
            out.add(acc != null ? acc.summarize(known) : notRunSummary(name, known, notRun.get(name)));
        }
        Map<String, List<TestSummary>> byTopic = new TreeMap<>();
        for (TestSummary t : out) {
            byTopic.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t);
        }
        List<TopicSummary> topics = new ArrayList<>();
        byTopic.forEach((topic, ts) -> topics.add(group(topic, ts)));
        return new Summary(dumps, List.copyOf(environments), out, topics, group("all", out));
    }

    static TopicSummary group(String topic, List<TestSummary> tests) {
        Map<TestStatus, Integer> statuses = new EnumMap<>(TestStatus.class);
        for (TestStatus s : TestStatus.values()) {
            statuses.put(s, 0);
        }
        long samples = 0;
        Categories categories = Categories.NONE;
        for (TestSummary t : tests) {
            statuses.merge(t.status(), 1, Integer::sum);
            samples += t.samples();
            categories = categories.plus(t.categories());
        }
        return new TopicSummary(topic, tests.size(), statuses, samples, categories);
    }

    private static TestSummary notRunSummary(String name, Optional<LitmusTest> known, String reason) {
        Grader.Graded g = grader(known).grade(Map.of());
        return new TestSummary(name, topic(name, known), known.map(LitmusTest::description).orElse(null),
                known.map(LitmusTest::refs).orElse(List.of()), known.map(LitmusTest::threads).orElse(0),
                TestStatus.NOT_RUN, reason, 0, g.outcomes(), Categories.NONE, List.of(), List.of());
    }

    private static Grader grader(Optional<LitmusTest> known) {
        return known.map(Grader::of).orElseGet(Grader::ungraded);
    }

    /** The topic of a test: the catalog's when known, else the package segment before the outer class. */
    static String topic(String name, Optional<LitmusTest> known) {
        if (known.isPresent()) {
            return known.get().topic();
        }
        String[] parts = name.split("\\.");
        int i = 0;
        while (i < parts.length - 1 && !parts[i].isEmpty() && Character.isLowerCase(parts[i].charAt(0))) {
            i++;
        }
        if (i >= 2 && parts[0].equals("org") && parts[1].equals("litmuslab")) {
            return i > 2 ? parts[2] : "(none)";
        }
        return i == 0 ? "(none)" : parts[i - 1];
    }

    /** The status and its reason, as jcstress labels a merged result. */
    private static TestStatus status(Status status, boolean graded, Grader.Graded g, List<String> messages,
                                     String[] reason) {
        switch (status) {
            case API_MISMATCH -> {
                reason[0] = "jcstress skipped it: the JVM lacks an API the test needs (API mismatch)";
                return TestStatus.NOT_RUN;
            }
            case TIMEOUT_ERROR, CHECK_TEST_ERROR, TEST_ERROR, VM_ERROR -> {
                String label = switch (status) {
                    case TIMEOUT_ERROR -> "TIMEOUT";
                    case VM_ERROR -> "VM ERROR";
                    default -> "ERROR";
                };
                reason[0] = messages.isEmpty() ? label : label + ": " + messages.get(0).strip();
                return TestStatus.ERROR;
            }
            default -> {
                if (!graded) {
                    reason[0] = "not in the tests' TestList, so its outcomes cannot be graded";
                    return TestStatus.UNGRADED;
                }
                if (!g.passed()) {
                    reason[0] = String.join("; ", g.failures());
                    return TestStatus.FAILED;
                }
                return g.interesting() ? TestStatus.INTERESTING : TestStatus.PASSED;
            }
        }
    }

    /** Counts of one test, or one configuration of a test. */
    private static class Counts {
        Status status = Status.NORMAL;
        final Map<String, long[]> counts = new LinkedHashMap<>();
        final List<String> messages = new ArrayList<>();
        int forks;
        long total;

        void add(DumpRecord r) {
            forks++;
            status = status.combine(r.status());
            for (Map.Entry<String, Long> e : r.counts().entrySet()) {
                long[] c = counts.computeIfAbsent(e.getKey(), k -> new long[1]);
                c[0] = Math.addExact(c[0], e.getValue());
                total = Math.addExact(total, e.getValue());
            }
            if (messages.size() < MAX_MESSAGES) {
                for (String m : r.messages()) {
                    if (!ReportUtils.skipMessage(m) && messages.size() < MAX_MESSAGES) {
                        messages.add(m);
                    }
                }
            }
        }

        Map<String, Long> plain() {
            Map<String, Long> m = new LinkedHashMap<>();
            counts.forEach((k, v) -> m.put(k, v[0]));
            return m;
        }

    }

    private static final class TestAcc extends Counts {
        final String name;
        final Map<ConfigKey, Counts> configs = new LinkedHashMap<>();

        TestAcc(String name) {
            this.name = name;
        }

        @Override
        void add(DumpRecord r) {
            super.add(r);
            configs.computeIfAbsent(r.config(), k -> new Counts()).add(r);
        }

        TestSummary summarize(Optional<LitmusTest> known) {
            Grader grader = grader(known);
            Grader.Graded g = grader.grade(plain());
            String[] reason = new String[1];
            TestStatus st = status(status, known.isPresent(), g, messages, reason);
            List<ConfigResult> cs = new ArrayList<>(configs.size());
            for (Map.Entry<ConfigKey, Counts> e : configs.entrySet()) {
                Counts c = e.getValue();
                Grader.Graded cg = grader.grade(c.plain());
                String[] why = new String[1];
                TestStatus cst = status(c.status, known.isPresent(), cg, c.messages, why);
                cs.add(new ConfigResult(e.getKey(), c.forks, cst, why[0], c.total, cg.outcomes()));
            }
            return new TestSummary(name, topic(name, known), known.map(LitmusTest::description).orElse(null),
                    known.map(LitmusTest::refs).orElse(List.of()), known.map(LitmusTest::threads).orElse(0),
                    st, reason[0], total, g.outcomes(), Categories.of(g.outcomes()), cs, messages);
        }
    }
}
