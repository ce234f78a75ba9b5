package org.litmuslab.cli.commands;

import picocli.CommandLine.Command;

/**
 * {@code litmus bench}: benchmarks that print figures. It only groups its subcommands; without one, picocli reports
 * the missing subcommand as a usage error (exit 2).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (see 'litmus bench detection --help').",
        subcommands = {BenchDetectionCommand.class})
public final class BenchCommand {
}
