package org.litmuslab.cli.results;

/** What happened to a test, worst first in the order reports list them. */
public enum TestStatus {
    /** A FORBIDDEN outcome was observed. */
    FAILED("failed"),
    /** jcstress reported an error: the test threw, timed out, or its JVM crashed. */
    ERROR("error"),
    /** Passed, and an ACCEPTABLE_INTERESTING outcome was observed. */
    INTERESTING("interesting"),
    /** Nothing forbidden observed, no error. */
    PASSED("passed"),
    /** Not run: e.g. it needs more CPUs than the machine has, or jcstress skipped it. */
    NOT_RUN("not run"),
    /** Its results are in the dump but its test is unknown to the catalog, so nothing could be graded. */
    UNGRADED("ungraded");

    private final String label;

    TestStatus(String label) {
        this.label = label;
    }

    /** The word reports print: {@code passed}, {@code not run}, ... */
    public String label() {
        return label;
    }

    /** The identifier in JSON and CSV: {@code passed}, {@code not-run}, ... */
    public String id() {
        return label.replace(' ', '-');
    }

    @Override
    public String toString() {
        return label;
    }
}
