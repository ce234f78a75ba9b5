package org.litmuslab.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.PlatformClaims;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.jcstress.Machine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus list}: every test in litmus.jar with its topic, actors and mode. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the tests in litmus.jar: name, topic, number of actors, mode, the architectures its "
                + "@ObservedOn claims the interesting outcome shows on, and whether this machine can run it.",
                "A test with more actors than this machine has CPUs is marked 'not run here': jcstress skips it."})
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tests", paramLabel = "REGEX", defaultValue = ".*",
            description = "Only tests whose name matches REGEX (as jcstress -t). Default: all.")
    String tests;

    @Option(names = "--racy", description = "Only racy variants: tests with an ACCEPTABLE_INTERESTING outcome.")
    boolean racy;

    @Option(names = "--observed-on", paramLabel = "ARCH",
            description = "Only variants whose @ObservedOn claims ARCH (e.g. x86_64; 'here' is this machine's, "
                    + "${sys:os.arch} as x86_64/aarch64).")
    String observedOn;

    @Option(names = "--cpus", paramLabel = "N",
            description = "Mark tests as jcstress -c N would run them: with N CPUs instead of this machine's.")
    Integer cpusOption;

    @Option(names = "--names", description = "Print only the test names, one a line (for scripts).")
    boolean namesOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TestCatalog catalog = TestCatalog.fromClassPath();
        PlatformClaims claims = PlatformClaims.of(catalog);
        String arch = "here".equals(observedOn) ? Machine.arch() : observedOn;
        List<LitmusTest> selected = select(catalog, tests).stream()
                .filter(t -> !racy || PlatformClaims.isRacy(t))
                .filter(t -> arch == null || claims.claims(t.name(), arch))
                .toList();
        if (namesOnly) {
            selected.forEach(t -> out.println(t.name()));
            out.flush();
            return ExitCode.OK.code();
        }
        if (cpusOption != null && cpusOption < 1) {
            throw new UserException("--cpus must be at least 1, not " + cpusOption);
        }
        int cpus = cpusOption != null ? cpusOption : Machine.cpus();
        int width = selected.stream().mapToInt(t -> t.name().length()).max().orElse(4);
        String row = "%-" + width + "s  %-10s  %6s  %-11s  %-11s  %s%n";
        out.printf(row, "TEST", "TOPIC", "ACTORS", "MODE", "OBSERVED-ON", "");
        long notRunnable = 0;
        for (LitmusTest t : selected) {
            String note = t.threads() > cpus ? "not run here: needs " + t.threads() + " CPUs, this machine has " + cpus : "";
            if (!note.isEmpty()) {
                notRunnable++;
            }
            String on = String.join(",", claims.archs(t.name()));
            out.printf(row, t.name(), t.topic(), t.threads(), t.mode(), on.isEmpty() ? "-" : on, note).flush();
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
