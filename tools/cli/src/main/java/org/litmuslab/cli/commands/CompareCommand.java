package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.results.AtomicFile;
import org.litmuslab.cli.results.Comparer;
import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.RunLabels;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.render.CompareFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code litmus compare}: several runs side by side, e.g. the cells of a CI matrix of CPUs and JDKs. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares jcstress 0.16 result dumps side by side, one column per dump: per test and outcome "
                + "the samples, frequency and 95%% interval in each run, flags for what stands out (forbidden seen, "
                + "seen only in some runs, a significant change of frequency, never seen anywhere; flagged rows "
                + "first), and a verdict line per test saying in which runs its interesting outcome was observed.",
                "Each dump is read (with the deserialization allow-list) and graded on its own, as 'litmus summarize' "
                        + "would."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the comparison was written (whatever it shows)",
                "2:bad input: a missing, damaged or refused dump, labels that do not fit, an unreadable tests jar, an "
                        + "unwritable --out"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DUMP", arity = "2..*",
            description = "Two or more jcstress result dumps (jcstress-results-*.bin.gz), one per run.")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "LABEL", split = ",",
            description = "One column heading per dump, in order (e.g. --labels 'x86 JDK17,arm JDK25'). Default: the "
                    + "CPU architecture and JDK recorded in each dump, made unique.")
    List<String> labels;

    @Option(names = "--tests-jar", paramLabel = "JAR",
            description = "Grade against the TestList of this jcstress 0.16 test jar. Default: the tests in litmus.jar.")
    Path testsJar;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), md, json or html.")
    CompareFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE (all at once, never partly) instead of standard output.")
    Path out;

    @Option(names = "--force", description = "Replace --out FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        List<String> given = labels == null ? null : RunLabels.given(labels, dumps.size());
        DumpInputs.checkOut(out, force);
        TestCatalog catalog = DumpInputs.catalog(testsJar);
        List<Summary> runs = new ArrayList<>();
        for (Path dump : dumps) {
            runs.add(DumpInputs.summarize(catalog, List.of(dump)));
        }
        Comparison comparison = Comparer.compare(given != null ? given : RunLabels.defaults(runs), runs);
        if (out != null) {
            AtomicFile.write(out, force, "--out", w -> format.renderer().render(comparison, w));
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            format.renderer().render(comparison, stdout);
            stdout.flush();
        }
        return ExitCode.OK.code();
    }
}
