package org.litmuslab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.litmuslab.cli.commands.BenchCommand;
import org.litmuslab.cli.commands.CompareCommand;
import org.litmuslab.cli.commands.GateCommand;
import org.litmuslab.cli.commands.ListCommand;
import org.litmuslab.cli.commands.NewCommand;
import org.litmuslab.cli.commands.RunCommand;
import org.litmuslab.cli.commands.SummarizeCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code litmus} command: runs and reports the litmus-lab collection of jcstress tests. */
@Command(name = "litmus",
        mixinStandardHelpOptions = true,
        versionProvider = Litmus.Version.class,
        description = "Runs, lists and reports the litmus-lab jcstress lessons.",
        subcommands = {ListCommand.class, RunCommand.class, SummarizeCommand.class, CompareCommand.class,
                GateCommand.class, BenchCommand.class, NewCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:OK: done, nothing the command fails on occurred",
                "1:FAILED: a run or gate found what it fails on (e.g. a FORBIDDEN outcome)",
                "2:USAGE: bad usage or bad input (one line on stderr says what)",
                "3:INTERNAL: an unexpected failure outside the user's control",
                "130:interrupted (Ctrl-C); what finished is kept"})
public final class Litmus implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; never calls System.exit, so tests can call it. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    /** The configured picocli command line, writing to the given writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Litmus());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> t instanceof UserException ? ExitCode.USAGE.code() : ExitCode.INTERNAL.code());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("litmus: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof UserException) {
                c.getErr().println("litmus: " + ex.getMessage());
                return ExitCode.USAGE.code();
            }
            c.getErr().println("litmus: internal error: " + ex);
            return ExitCode.INTERNAL.code();
        });
        return cl;
    }

    /** Reads the version from the jar manifest, written by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Litmus.class.getPackage().getImplementationVersion();
            return new String[] {"litmus " + (v == null ? "(development build)" : v)
                    + ", jcstress 0.16, Java " + System.getProperty("java.version")};
        }
    }
}
