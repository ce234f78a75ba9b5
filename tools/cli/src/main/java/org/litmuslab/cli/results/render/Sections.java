package org.litmuslab.cli.results.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;

/** The groups the readable formats print, shared so text, Markdown and HTML agree. */
final class Sections {
    private Sections() {
    }

    /** A titled group of tests. */
    record Section(String title, String blurb, List<TestSummary> tests) {
    }

    /**
     * jcstress's sections, in its order, each test in exactly one: interesting, failed, error, then ours (not run,
     * ungraded), then all remaining (passed).
     */
    static List<Section> byStatus(Summary s) {
        return List.of(
                section(s, "Interesting tests", "Some interesting behaviors observed: the lessons' point.",
                        TestStatus.INTERESTING),
                section(s, "Failed tests", "A FORBIDDEN outcome was observed. Correct code should have none.",
                        TestStatus.FAILED),
                section(s, "Error tests", "The test broke (exception, timeout, JVM crash), not its assertions.",
                        TestStatus.ERROR),
                section(s, "Not run tests", "These tests did not run; each says why.", TestStatus.NOT_RUN),
                section(s, "Ungraded tests", "Not in the tests' TestList: counts only, no grades.",
                        TestStatus.UNGRADED),
                section(s, "All remaining tests", "Passed: nothing forbidden observed, no error.", TestStatus.PASSED));
    }

    /** One section per topic, tests by name. */
    static List<Section> byTopic(Summary s) {
        Map<String, List<TestSummary>> m = new TreeMap<>();
        for (TestSummary t : s.tests()) {
            m.computeIfAbsent(t.topic(), k -> new ArrayList<>()).add(t);
        }
        List<Section> out = new ArrayList<>();
        m.forEach((topic, ts) -> out.add(new Section(topic, "", ts)));
        return out;
    }

    private static Section section(Summary s, String title, String blurb, TestStatus status) {
        return new Section(title, blurb, s.tests().stream().filter(t -> t.status() == status).toList());
    }

    /** One line per machine: {@code JDK 17.0.15 (OpenJDK 64-Bit Server VM ...), Linux 6.1.0, amd64, 2 CPUs}. */
    static String describe(RunEnvironment e) {
        return "JDK " + e.jdk() + " (" + e.vm() + "), " + e.os() + ", " + e.arch() + ", "
                + (e.cpus() > 0 ? e.cpus() + " CPUs" : "CPUs unknown");
    }
}
