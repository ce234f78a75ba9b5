package org.litmuslab.cli;

/**
 * A problem the user can fix (bad input, bad option, missing file). The CLI prints only its message,
 * one line, never a stack trace, and exits with {@link ExitCode#USAGE}.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
