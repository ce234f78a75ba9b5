package org.litmuslab.cli.commands;

import java.nio.file.Path;

import org.litmuslab.cli.catalog.TestCatalog;
import org.litmuslab.cli.results.AtomicFile;
import org.litmuslab.cli.results.Summarizer;
import org.litmuslab.cli.results.Summary;

/**
 * The input checks shared by the commands that read dumps ({@code summarize}, {@code compare}): each bad input fails
 * with one line ({@link org.litmuslab.cli.UserException}, exit code 2) before any output file is written.
 */
final class DumpInputs {
    private DumpInputs() {
    }

    /** Fails fast, before reading large dumps, when {@code --out} cannot be written. */
    static void checkOut(Path out, boolean force) {
        if (out != null) {
            AtomicFile.check(out, force, "--out");
        }
    }

    /** The catalog to grade against: {@code --tests-jar}'s TestList, else the tests in litmus.jar. */
    static TestCatalog catalog(Path testsJar) {
        return testsJar != null ? TestCatalog.fromJar(testsJar) : TestCatalog.fromClassPath();
    }

    /** Reads and grades dumps (through the filtered {@code DumpReader}) into one summary. */
    static Summary summarize(TestCatalog catalog, Iterable<Path> dumps) {
        Summarizer summarizer = new Summarizer(catalog);
        for (Path dump : dumps) {
            summarizer.addDump(dump);
        }
        return summarizer.summarize();
    }
}
