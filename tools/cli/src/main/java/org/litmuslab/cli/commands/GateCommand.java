package org.litmuslab.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.catalog.PlatformClaims;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.gate.Check;
import org.litmuslab.cli.gate.Gate;
import org.litmuslab.cli.results.Summarizer;
import org.litmuslab.cli.results.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus gate}: fails a CI job when jcstress results show what must not happen. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Checks jcstress 0.16 result dumps and fails when they show what --fail-on names: a FORBIDDEN "
                + "outcome, an error (test error, TIMEOUT, VM error), or a racy variant whose @ObservedOn claim for "
                + "the dumps' architecture did not show its interesting outcome. Prints each test and outcome."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing --fail-on names occurred",
                "1:something --fail-on names occurred (each printed: check, test, outcome)",
                "2:bad usage or input: a missing, damaged or refused dump, an unknown --fail-on check"})
public final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DUMP", arity = "1..*",
            description = "jcstress result dumps (jcstress-results-*.bin.gz); several are checked as one.")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LIST", converter = Check.ListConverter.class,
            defaultValue = "forbidden,error,unseen-interesting",
            description = "Comma-separated: forbidden, error, unseen-interesting. Default: all three.")
    Set<Check> failOn;

    @Option(names = "--tests-jar", paramLabel = "JAR",
            description = "Grade against the TestList of this jcstress 0.16 test jar. Default: the tests in "
                    + "litmus.jar. @ObservedOn claims are read from the test classes litmus can load.")
    Path testsJar;

    @Override
    public Integer call() {
        TestCatalog catalog = testsJar != null ? TestCatalog.fromJar(testsJar) : TestCatalog.fromClassPath();
        Summarizer summarizer = new Summarizer(catalog);
        dumps.forEach(summarizer::addDump);
        Summary summary = summarizer.summarize();
        List<Gate.Violation> violations = Gate.check(summary, failOn, PlatformClaims.of(catalog));
        boolean ok = Gate.report(violations, failOn, summary.tests().size(), "litmus gate",
                spec.commandLine().getOut());
        return ok ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
