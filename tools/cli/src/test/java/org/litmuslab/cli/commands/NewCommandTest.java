package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.catalog.Conventions;
import org.openjdk.jcstress.annotations.JCStressTest;

/** {@code litmus new} against a throw-away litmus-lab checkout: what it writes, and every refusal. */
class NewCommandTest {
    private static final String LESSON_DIR = "tests-counter/src/main/java/org/litmuslab/counter";

    @TempDir
    Path root;

    @BeforeEach
    void fakeCheckout() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.litmuslab</groupId><artifactId>litmus-parent</artifactId></project>\n");
        for (String m : List.of("counter", "deadlock", "visibility")) {
            Files.createDirectories(root.resolve("tests-" + m));
            Files.writeString(root.resolve("tests-" + m + "/pom.xml"), "<project><parent><artifactId>litmus-parent"
                    + "</artifactId></parent><artifactId>litmus-tests-" + m + "</artifactId></project>\n");
        }
        Files.createDirectories(root.resolve(LESSON_DIR));
        Files.writeString(root.resolve(LESSON_DIR + "/Counter_01_LostUpdate.java"), "// the user's lesson\n");
        Files.writeString(root.resolve(LESSON_DIR + "/Counter_03_Gap.java"), "// another\n");
    }

    private CliRunner.Run litmusNew(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "new";
        all[1] = "--root";
        all[2] = root.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRunner.run(all);
    }

    private Map<String, String> tree() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void writesTheNextFreeLessonAndSaysWhatToFillIn() throws IOException {
        CliRunner.Run r = litmusNew("--module", "counter", "--name", "TornRead");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path lesson = root.resolve(LESSON_DIR + "/Counter_04_TornRead.java");
        assertThat(lesson).exists();
        assertThat(r.out()).contains("litmus: wrote ", "Counter_04_TornRead.java", "Counter_04_TornRead.Racy",
                "Grade every outcome", "java -jar tests-counter/target/jcstress.jar -t Counter_04_TornRead");
        assertThat(Files.readString(lesson, StandardCharsets.UTF_8)).contains("public class Counter_04_TornRead",
                "-t Counter_04_TornRead", "II_Result r", "TODO");
        try (Stream<Path> files = Files.list(lesson.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void startsAtOneInAnEmptyModuleAndCreatesItsPackageDirectory() {
        CliRunner.Run r = litmusNew("--module", "deadlock", "--name", "Spin", "--termination");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(root.resolve("tests-deadlock/src/main/java/org/litmuslab/deadlock/Deadlock_01_Spin.java")).exists();
    }

    @ParameterizedTest
    @CsvSource({"counter, Plain, 2, II, false", "visibility, Wide, 3, JJL, false", "deadlock, Stuck, 1, , true",
            "counter, OneActor, 1, Z, false"})
    void theSkeletonCompilesWithJcstressAndPassesTheConventions(String module, String name, int actors, String result,
                                                                boolean termination) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--module", module, "--name", name));
        if (termination) {
            args.add("--termination");
        } else {
            args.addAll(List.of("--actors", Integer.toString(actors), "--result", result));
        }
        CliRunner.Run r = litmusNew(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path source;
        try (Stream<Path> files = Files.walk(root.resolve("tests-" + module))) {
            source = files.filter(p -> p.getFileName().toString().endsWith("_" + name + ".java")).findFirst().orElseThrow();
        }
        Path classes = Files.createDirectories(root.resolve("classes"));
        String jcstress = jarOf(JCStressTest.class);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        // As the module compiles it: -Xlint:all and jcstress's annotation processor, which checks the test's shape.
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("-Xlint:all,-processing", "-Werror", "-d", classes.toString(), "-cp", jcstress,
                        "-processorpath", jcstress, "-processor",
                        "org.openjdk.jcstress.infra.processors.JCStressTestProcessor"),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile()))
                .call();
        assertThat(ok).as("javac: %s", diagnostics).isTrue();
        assertThat(classes.resolve("META-INF/TestList")).exists();

        String lesson = source.getFileName().toString().replace(".java", "");
        String variant = termination ? "Broken" : "Racy";
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = Class.forName("org.litmuslab." + module + "." + lesson + "$" + variant, false, loader);
            assertThat(Conventions.check(test)).isEmpty();
        }
    }

    private static String jarOf(Class<?> c) throws URISyntaxException {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }

    @Test
    void refusesToOverwriteAnExistingLessonWithoutForce() throws IOException {
        Map<String, String> before = tree();
        CliRunner.Run r = litmusNew("--module", "counter", "--name", "LostUpdate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("Counter_01_LostUpdate.java exists; pass --force to overwrite it");
        assertThat(r.out()).isEmpty();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void forceOverwritesInPlaceKeepingTheNumber() throws IOException {
        CliRunner.Run r = litmusNew("--module", "counter", "--name", "LostUpdate", "--force");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("litmus: overwrote");
        assertThat(Files.readString(root.resolve(LESSON_DIR + "/Counter_01_LostUpdate.java")))
                .contains("public class Counter_01_LostUpdate");
        assertThat(root.resolve(LESSON_DIR + "/Counter_04_LostUpdate.java")).doesNotExist();
    }

    /** Each row: the arguments, then the line expected on stderr, split at '|'. */
    @ParameterizedTest
    @ValueSource(strings = {
            "--module|counter|--name|lostUpdate|is not a Java identifier in UpperCamelCase",
            "--module|counter|--name|Lost-Update|is not a Java identifier in UpperCamelCase",
            "--module|counter|--name|Counter_05_X|is not a Java identifier in UpperCamelCase",
            "--module|counter|--name|class|is not a Java identifier in UpperCamelCase",
            "--module|locks|--name|X|unknown module 'locks'; use one of counter, deadlock, visibility",
            "--module|counter|--name|X|--result|IQ|unknown result type 'IQ'",
            "--module|counter|--name|X|--result|IIIIIIIII|unknown result type 'IIIIIIIII'",
            "--module|counter|--name|X|--result|ZJZJ|unknown result type 'ZJZJ'",
            "--module|counter|--name|X|--actors|0|--actors must be 1 to 4, not 0",
            "--module|counter|--name|X|--actors|5|--actors must be 1 to 4, not 5",
            "--module|deadlock|--name|X|--termination|--result|II|--result does not go with --termination",
            "--module|deadlock|--name|X|--termination|--actors|2|--termination takes one actor"})
    void refusesBadInputWithOneLineAndWritesNothing(String row) throws IOException {
        List<String> args = List.of(row.split("\\|"));
        String expected = args.get(args.size() - 1);
        Map<String, String> before = tree();
        CliRunner.Run r = litmusNew(args.subList(0, args.size() - 1).toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: ").contains(expected).hasLineCount(1).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void refusesADirectoryThatIsNotALitmusLabCheckout(@TempDir Path elsewhere) throws IOException {
        CliRunner.Run r = CliRunner.run("new", "--root", elsewhere.toString(), "--module", "counter", "--name", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("is not a litmus-lab checkout", "--root DIR");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        // A module's directory is not the root either: its pom names litmus-parent only as its parent.
        Map<String, String> before = tree();
        r = CliRunner.run("new", "--root", root.resolve("tests-counter").toString(), "--module", "counter", "--name", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("is not a litmus-lab checkout");
        // Another project's pom, or a broken one, neither.
        Files.writeString(elsewhere.resolve("pom.xml"), "<project><artifactId>other</artifactId></project>");
        assertThat(CliRunner.run("new", "--root", elsewhere.toString(), "--module", "counter", "--name", "X").exitCode())
                .isEqualTo(2);
        Files.writeString(elsewhere.resolve("pom.xml"), "<project><artifactId>litmus-parent");
        r = CliRunner.run("new", "--root", elsewhere.toString(), "--module", "counter", "--name", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1);
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void refusesACheckoutWithoutTheModule() throws IOException {
        Files.delete(root.resolve("tests-visibility/pom.xml"));
        CliRunner.Run r = litmusNew("--module", "visibility", "--name", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("has no module tests-visibility");
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        CliRunner.Run r = litmusNew("--name", "X");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option", "--module");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRunner.Run r = CliRunner.run("new", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--module", "--name", "--actors", "--result", "--termination", "--force", "--root");
    }
}
