package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.catalog.LitmusTest;
import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.jcstress.JcstressProcess;
import org.litmuslab.cli.jcstress.Preset;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code litmus run}: runs the selected tests of litmus.jar through jcstress and keeps everything it wrote. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the selected tests through jcstress in a child JVM.",
                "Writes into DIR: the jcstress result dump, jcstress's HTML report under html/, and its console as "
                        + "jcstress.log."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the run finished; no FORBIDDEN outcome, no error",
                "1:jcstress reported a FORBIDDEN outcome or an error, or the run hit --timeout",
                "2:bad usage (e.g. an invalid --tests expression, or no test matched)",
                "3:jcstress could not be started"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tests", paramLabel = "REGEX", defaultValue = ".*",
            description = "Only tests whose name matches REGEX (as jcstress -t). Default: all.")
    String tests;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "teach", converter = PresetConverter.class,
            description = "teach (default), sanity, quick, default, tough, stress. The jcstress modes map to -m.")
    Preset preset;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for this run's files. Default: litmus-results/<timestamp>/.")
    Path out;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "600",
            description = "Kill the run (and its forks) after this many minutes; the run then fails. Default: 600.")
    long timeoutMinutes;

    @Parameters(paramLabel = "JCSTRESS_ARGS", arity = "0..*",
            description = "After --: passed to jcstress as they are, after the preset's options (later ones win).")
    List<String> jcstressArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<LitmusTest> selected = ListCommand.select(TestCatalog.fromClassPath(), tests);
        if (selected.isEmpty()) {
            throw new UserException("no test matches --tests '" + tests + "'; 'litmus list' shows the tests");
        }
        if (timeoutMinutes <= 0) {
            throw new UserException("--timeout must be a positive number of minutes, not " + timeoutMinutes);
        }
        Path dir = out != null ? out : Path.of("litmus-results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")));
        Files.createDirectories(dir);
        dir = dir.toAbsolutePath();

        List<String> args = new ArrayList<>(preset.jcstressArgs());
        args.addAll(List.of("-t", tests, "-r", dir.resolve("html").toString()));
        args.addAll(jcstressArgs);
        stdout.printf("litmus: running %d tests, preset %s, into %s%n", selected.size(), preset.userName(), dir);
        stdout.flush();

        JcstressProcess.Result r = JcstressProcess.run(args, dir, Duration.ofMinutes(timeoutMinutes), line -> {
            stdout.println(line);
            stdout.flush();
        });
        if (r.timedOut()) {
            spec.commandLine().getErr().printf("litmus: the run exceeded --timeout %d min and was stopped; "
                    + "its partial log is %s%n", timeoutMinutes, r.log());
            return ExitCode.FAILED.code();
        }
        if (r.dump().isEmpty()) {
            spec.commandLine().getErr().printf("litmus: jcstress exited with %d without writing a result dump; "
                    + "see %s%n", r.exitCode(), r.log());
            return ExitCode.INTERNAL.code();
        }
        stdout.printf("litmus: jcstress exited with %d; log %s, report %s, dump %s%n", r.exitCode(), r.log(),
                dir.resolve("html").resolve("index.html"), r.dump().get());
        return r.exitCode() == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** Lets users type {@code default} although the enum constant cannot be named so. */
    static final class PresetConverter implements ITypeConverter<Preset> {
        @Override
        public Preset convert(String value) {
            return Preset.of(value);
        }
    }
}
