package org.litmuslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Litmus#execute} with captured output, as a user would run the command. */
public final class CliRunner {

    /** What one command run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Litmus.execute(args, o, e);
        }
        return new Run(code, out.toString(), err.toString());
    }
}
