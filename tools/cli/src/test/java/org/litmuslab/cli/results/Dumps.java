package org.litmuslab.cli.results;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * The checked-in dumps of real runs on this machine (src/test/resources/dumps), each next to jcstress's own report of
 * it ({@code NAME.results.txt}: the "RUN RESULTS" part of its console with -v).
 * <ul>
 *     <li>{@code sanity}, {@code teach}, {@code quick}: {@code java -jar tools/cli/target/litmus.jar run --preset P
 *     --tests _01_ -- -v} on JDK 17.0.15 (every test of the collection, 6 tests; quick: 28 configurations each);</li>
 *     <li>{@code default}: the same with {@code --preset default -- -v -time 20 -iters 1} (shortened to fit the
 *     machine; the configurations are the preset's), every test; {@code tough}: {@code --preset tough --tests
 *     Counter_01_LostUpdate.Atomic -- -v -time 20 -iters 1 -f 1}, {@code stress} likewise with {@code --preset stress};</li>
 *     <li>{@code jdk25-split}, {@code jdk25-unified}: {@code temurin-25 java -jar tests-counter/target/jcstress.jar
 *     -m sanity [-sc false] -t Counter_01_LostUpdate.Atomic}; their reports are jcstress's {@code -p DUMP -v}.</li>
 *     <li>{@code compare-jdk17}, {@code compare-jdk25}: the README's compare example, {@code java -jar
 *     tools/cli/target/litmus.jar run --tests '_01_'} (teach preset) on JDK 17.0.15 and on temurin 25.0.3, 2026-11-26
 *     (no jcstress report kept: {@code litmus compare} is checked against the summaries, which are).</li>
 * </ul>
 */
public final class Dumps {
    public static final List<String> GENUINE = List.of("sanity", "teach", "quick", "default", "tough", "stress",
            "jdk25-split", "jdk25-unified");

    private Dumps() {
    }

    public static Path dump(String name) {
        return resource("dumps/" + name + ".bin.gz");
    }

    /**
     * The TestList of the tests as they were when the dumps were made ({@code dumps/tests.jar}): grading the dumps
     * against it keeps the agreement with jcstress's reports exact when a lesson's descriptions change later.
     */
    public static Path testsJar() {
        return resource("dumps/tests.jar");
    }

    public static Path report(String name) {
        return resource("dumps/" + name + ".results.txt");
    }

    static Path resource(String path) {
        URL url = Dumps.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
