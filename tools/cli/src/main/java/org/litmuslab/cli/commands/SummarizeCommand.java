package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.results.AtomicFile;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.render.By;
import org.litmuslab.cli.results.render.Format;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus summarize}: jcstress result dumps to a graded summary with statistics, in six formats. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Summarises jcstress 0.16 result dumps (jcstress-results-*.bin.gz): per test its status and "
                + "per outcome its samples, frequency and expectation, with a 95%% confidence interval for each "
                + "observed frequency and a 95%% upper bound for each graded outcome never seen.",
                "Several dumps merge into one summary. Dumps are read with a deserialization allow-list, so a dump "
                        + "from anyone is safe to read."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the summary was written (whatever the tests' results; 'litmus gate' fails on them)",
                "2:bad input: a missing, damaged or refused dump, an unreadable tests jar, an unwritable --out"})
public final class SummarizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DUMP", arity = "1..*",
            description = "jcstress result dumps (jcstress-results-*.bin.gz); several merge into one summary.")
    List<Path> dumps = new ArrayList<>();

    @Option(names = "--tests-jar", paramLabel = "JAR",
            description = "Grade against the TestList of this jcstress 0.16 test jar. Default: the tests in litmus.jar.")
    Path testsJar;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), md, csv, json, junit or html.")
    Format format;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "test",
            description = "test (default: jcstress's sections), topic, or config (each test per JVM configuration).")
    By by;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE (all at once, never partly) instead of standard output.")
    Path out;

    @Option(names = "--force", description = "Replace --out FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        DumpInputs.checkOut(out, force); // fail fast, before reading large dumps
        Summary summary = DumpInputs.summarize(DumpInputs.catalog(testsJar), dumps);
        if (out != null) {
            AtomicFile.write(out, force, "--out", w -> format.renderer().render(summary, by, w));
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            format.renderer().render(summary, by, stdout);
            stdout.flush();
        }
        return ExitCode.OK.code();
    }
}
