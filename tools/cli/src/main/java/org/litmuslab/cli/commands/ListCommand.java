package org.litmuslab.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.jcstress.Machine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus list}: every test in litmus.jar with its topic, actors and mode. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the tests in litmus.jar: name, topic, number of actors, mode.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tests", paramLabel = "REGEX", defaultValue = ".*",
            description = "Only tests whose name matches REGEX (as jcstress -t). Default: all.")
    String tests;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<LitmusTest> selected = select(TestCatalog.fromClassPath(), tests);
        int cpus = Machine.cpus();
        int width = selected.stream().mapToInt(t -> t.name().length()).max().orElse(4);
        String row = "%-" + width + "s  %-10s  %6s  %-11s  %s%n";
        out.printf(row, "TEST", "TOPIC", "ACTORS", "MODE", "");
        long notRunnable = 0;
        for (LitmusTest t : selected) {
            String note = t.threads() > cpus ? "not run here: needs " + t.threads() + " CPUs, this machine has " + cpus : "";
            if (!note.isEmpty()) {
                notRunnable++;
            }
            out.printf(row, t.name(), t.topic(), t.threads(), t.mode(), note).flush();
        }
        out.printf("%d tests", selected.size());
        if (notRunnable > 0) {
            out.printf(", %d of them need more CPUs than the %d here and would be skipped by jcstress", notRunnable, cpus);
        }
        out.println();
        return ExitCode.OK.code();
    }

    /** The catalog's tests matching a user-given regular expression; a bad expression is a user error. */
    static List<LitmusTest> select(TestCatalog catalog, String regex) {
        try {
            return catalog.select(regex);
        } catch (PatternSyntaxException e) {
            throw new UserException("--tests '" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }
}
