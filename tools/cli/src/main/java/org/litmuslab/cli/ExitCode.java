package org.litmuslab.cli;

/** The exit codes of every litmus command; only {@link Litmus#main} passes them to System.exit. */
public enum ExitCode {
    /** The command did what was asked and nothing it checks for occurred. */
    OK(0),
    /** The run or the gate found what it was asked to fail on (e.g. a FORBIDDEN outcome). */
    FAILED(1),
    /** Bad usage or bad input: one line on stderr says what is wrong. */
    USAGE(2),
    /** Something outside the user's control broke (e.g. the jcstress child JVM could not start). */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
