package org.litmuslab.cli.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.apache.commons.lang3.StringUtils;
import org.litmuslab.cli.UserException;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.util.TestLineReader;

/**
 * The tests described by jcstress {@code META-INF/TestList} files: ours (every one on the class path, so the
 * merged list in litmus.jar and the per-module lists in a Maven build both work) or those of any jcstress 0.16
 * test jar.
 *
 * <p>Entries are decoded with jcstress's own {@link TestLineReader}, in the order jcstress's TestList writes them.
 */
public final class TestCatalog {
    /** Where jcstress's annotation processor writes the list, relative to the class path root. */
    public static final String TEST_LIST = "META-INF/TestList";

    private final Map<String, LitmusTest> tests;

    private TestCatalog(Map<String, LitmusTest> tests) {
        this.tests = Collections.unmodifiableMap(tests);
    }

    /** Every test listed in any TestList visible to this class's loader. */
    public static TestCatalog fromClassPath() {
        ClassLoader loader = TestCatalog.class.getClassLoader();
        Map<String, LitmusTest> tests = new LinkedHashMap<>();
        try {
            Enumeration<URL> lists = loader.getResources(TEST_LIST);
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    read(in, loader, tests);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEST_LIST + " from the class path", e);
        }
        return new TestCatalog(sorted(tests));
    }

    /** The tests of another jcstress 0.16 test jar; its classes are not loaded. */
    public static TestCatalog fromJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UserException("tests jar " + jar + " does not exist or is not a file");
        }
        Map<String, LitmusTest> tests = new LinkedHashMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            ZipEntry entry = jf.getEntry(TEST_LIST);
            if (entry == null) {
                throw new UserException("tests jar " + jar + " has no " + TEST_LIST
                        + "; build it with the jcstress annotation processor");
            }
            try (InputStream in = jf.getInputStream(entry)) {
                read(in, null, tests);
            }
        } catch (IOException e) {
            throw new UserException("cannot read tests jar " + jar + ": " + e.getMessage(), e);
        }
        return new TestCatalog(sorted(tests));
    }

    /** All tests, sorted by name. */
    public List<LitmusTest> all() {
        return List.copyOf(tests.values());
    }

    /** The tests whose name contains a match of the regular expression, as jcstress's {@code -t} selects them. */
    public List<LitmusTest> select(String regex) {
        Pattern p = Pattern.compile(regex);
        return tests.values().stream().filter(t -> p.matcher(t.name()).find()).toList();
    }

    public Optional<LitmusTest> find(String name) {
        return Optional.ofNullable(tests.get(name));
    }

    public int size() {
        return tests.size();
    }

    private static Map<String, LitmusTest> sorted(Map<String, LitmusTest> tests) {
        Map<String, LitmusTest> sorted = new LinkedHashMap<>();
        tests.keySet().stream().sorted().forEach(k -> sorted.put(k, tests.get(k)));
        return sorted;
    }

    private static void read(InputStream in, ClassLoader loader, Map<String, LitmusTest> into) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            TestLineReader r = new TestLineReader(line);
            if (!r.isCorrect()) {
                throw new IOException("malformed TestList line: " + StringUtils.abbreviate(line, 80));
            }
            LitmusTest test = parse(r, loader);
            into.put(test.name(), test);
        }
    }

    // Field order follows jcstress 0.16's TestList/TestLineWriter.
    private static LitmusTest parse(TestLineReader r, ClassLoader loader) {
        String name = r.nextString();
        String binaryName = r.nextString();
        r.nextString(); // generated runner class
        String description = r.nextString();
        int actorCount = r.nextInt();
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < actorCount; i++) {
            actors.add(r.nextString());
        }
        r.nextBoolean(); // requiresFork
        int caseCount = r.nextInt();
        List<OutcomeSpec> outcomes = new ArrayList<>();
        Expect[] expects = Expect.values();
        for (int c = 0; c < caseCount; c++) {
            Expect expect = expects[r.nextInt()];
            String desc = r.nextString();
            int idCount = r.nextInt();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < idCount; i++) {
                ids.add(r.nextString());
            }
            outcomes.add(new OutcomeSpec(ids, expect, desc));
        }
        int refCount = r.nextInt();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < refCount; i++) {
            refs.add(r.nextString());
        }
        TestMode mode = modeOf(binaryName, outcomes, loader);
        return new LitmusTest(name, binaryName, StringUtils.trimToNull(description), actors, mode, outcomes, refs);
    }

    /** The mode from the class's annotation when we can load it, else from its outcomes. */
    private static TestMode modeOf(String binaryName, List<OutcomeSpec> outcomes, ClassLoader loader) {
        if (loader != null) {
            try {
                JCStressTest a = Class.forName(binaryName, false, loader).getAnnotation(JCStressTest.class);
                if (a != null) {
                    return a.value() == Mode.Termination ? TestMode.Termination : TestMode.Continuous;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // fall through to the outcome heuristic
            }
        }
        boolean termination = outcomes.stream().flatMap(o -> o.ids().stream())
                .anyMatch(id -> id.equals("TERMINATED") || id.equals("STALE"));
        return termination ? TestMode.Termination : TestMode.Continuous;
    }

}
