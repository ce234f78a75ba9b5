package org.litmuslab.cli.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.litmuslab.cli.ExitCode;
import org.litmuslab.cli.UserException;
import org.litmuslab.cli.jcstress.Machine;
import org.litmuslab.testgen.Templates;
import org.litmuslab.testgen.scaffold.LessonSkeleton;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code litmus new}: writes the skeleton of a new lesson into a litmus-lab checkout, with the next free lesson
 * number, and says what to fill in. The skeleton compiles and passes the conventions check as written; every outcome
 * is graded FORBIDDEN until the teacher grades them, so its first run fails on purpose (see {@link LessonSkeleton}).
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Writes the skeleton of a new lesson, tests-MODULE/src/main/java/org/litmuslab/MODULE/"
                + "<Topic>_<NN>_<NAME>.java, with the next free lesson number, and prints what to fill in.",
                "The skeleton compiles as written; all its outcomes are FORBIDDEN until you grade them, so running "
                        + "it fails on purpose until then."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the skeleton was written",
                "2:refused (bad name, unknown module or result type, not a litmus-lab checkout, the lesson exists "
                        + "and no --force); nothing was written"})
public final class NewCommand implements Callable<Integer> {
    private static final String RESULTS_PACKAGE = "org.openjdk.jcstress.infra.results.";

    @Spec
    CommandSpec spec;

    @Option(names = "--module", required = true, paramLabel = "MODULE",
            description = "counter, deadlock or visibility: the tests-MODULE the lesson goes into.")
    String module;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The lesson's name in UpperCamelCase, e.g. LostUpdate.")
    String name;

    @Option(names = "--actors", paramLabel = "N",
            description = "Number of actors, 1 to 4. Default: 2 (1 with --termination). jcstress runs a test only on "
                    + "a machine with at least as many CPUs.")
    Integer actors;

    @Option(names = "--result", paramLabel = "TYPE",
            description = "The jcstress result type by its columns, e.g. II for II_Result: Z boolean, B byte, "
                    + "S short, C char, I int, J long, F float, D double, L Object. Default: II.")
    String result;

    @Option(names = "--termination",
            description = "A Termination-mode test (one actor and a @Signal; outcomes TERMINATED and STALE), "
                    + "for liveness: spin loops, lost wake-ups, deadlocks.")
    boolean termination;

    @Option(names = "--force", description = "Overwrite the lesson of that name if it exists (it keeps its number).")
    boolean force;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The litmus-lab checkout to write into. Default: the current directory.")
    Path root;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // Everything is checked before anything is written.
        if (!LessonSkeleton.MODULES.contains(module)) {
            throw new UserException("unknown module '" + module + "'; use one of " + String.join(", ", LessonSkeleton.MODULES));
        }
        LessonSkeleton.nameProblem(name).ifPresent(p -> {
            throw new UserException(p);
        });
        String resultType = termination ? checkTermination() : resultType();
        int actorCount = actors != null ? actors : (termination ? 1 : 2);

        Path checkout = checkout(root);
        Path dir = checkout.resolve(LessonSkeleton.sourceDir(module));
        List<String> existing = fileNames(dir);
        int number = LessonSkeleton.existingNumber(module, name, existing)
                .orElseGet(() -> LessonSkeleton.nextNumber(module, existing));
        LessonSkeleton.Spec lesson;
        try {
            lesson = new LessonSkeleton.Spec(module, number, name, actorCount, resultType, termination);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Path target = checkout.resolve(lesson.relativePath());
        boolean exists = Files.exists(target);
        if (exists && !force) {
            throw new UserException(shown(target) + " exists; pass --force to overwrite it");
        }
        write(target, LessonSkeleton.render(lesson, new Templates()));

        out.printf("litmus: %s %s%n", exists ? "overwrote" : "wrote", shown(target));
        String test = lesson.className();
        out.printf("Next, in that file:%n");
        out.printf("  1. Write the state and actors of %s.%s; each TODO says what goes where.%n", test, lesson.variant());
        out.printf("  2. Grade every outcome it can produce (@Outcome). Until then all are FORBIDDEN and a run of it"
                + " fails, on purpose.%n");
        out.printf("  3. Fill in @Description, @Ref and the explanation: why the JMM allows or forbids the outcome"
                + " (JLS 17.x).%n");
        out.printf("  4. mvn -B verify, then java -jar tests-%s/target/jcstress.jar -t %s, and paste the result"
                + " table, labelled with CPU arch, JDK and command.%n", module, test);
        int cpus = Machine.cpus();
        if (actorCount > cpus) {
            out.printf("Note: jcstress runs a %d-actor test only on a machine with %d or more CPUs; this one has %d.%n",
                    actorCount, actorCount, cpus);
        }
        return ExitCode.OK.code();
    }

    private String checkTermination() {
        if (result != null) {
            throw new UserException("--result does not go with --termination: a Termination test's outcomes are "
                    + "TERMINATED and STALE");
        }
        if (actors != null && actors != 1) {
            throw new UserException("--termination takes one actor (and a @Signal), not --actors " + actors);
        }
        return null;
    }

    /** The result columns, checked against the result classes jcstress really has. */
    private String resultType() {
        if (actors != null && (actors < 1 || actors > LessonSkeleton.MAX_ACTORS)) {
            throw new UserException("--actors must be 1 to " + LessonSkeleton.MAX_ACTORS + ", not " + actors);
        }
        String given = result == null ? "II" : result;
        String columns = given.endsWith("_Result") ? given.substring(0, given.length() - "_Result".length()) : given;
        String problem = "unknown result type '" + given + "'; use a jcstress result type by its columns, e.g. I, II, "
                + "JJ or ZZ (Z boolean, B byte, S short, C char, I int, J long, F float, D double, L Object)";
        if (!LessonSkeleton.RESULT_TYPE.matcher(columns).matches()) {
            throw new UserException(problem);
        }
        try {
            Class.forName(RESULTS_PACKAGE + columns + "_Result", false, NewCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UserException(problem);
        }
        return columns;
    }

    /** The root of a litmus-lab checkout: its pom.xml is litmus-parent's own (not a module's) and has the module. */
    private Path checkout(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!"litmus-parent".equals(artifactId(abs.resolve("pom.xml")))) {
            throw new UserException(abs + " is not a litmus-lab checkout (its pom.xml is not litmus-parent's); run "
                    + "'litmus new' in the project's root directory or pass --root DIR");
        }
        if (!Files.isRegularFile(abs.resolve("tests-" + module).resolve("pom.xml"))) {
            throw new UserException(abs + " has no module tests-" + module + " (no tests-" + module + "/pom.xml)");
        }
        return abs;
    }

    /** The project's own artifactId in a pom (a direct child of project, not the parent's), or null. */
    static String artifactId(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return null;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(new DefaultHandler()); // fails on a fatal error, prints nothing
            Element project = db.parse(pom.toFile()).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("artifactId")) {
                    return e.getTextContent().trim();
                }
            }
            return null;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes to a temporary file beside the target, then moves it into place: never a half-written lesson. */
    private void write(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (force) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserException(shown(target) + " exists; pass --force to overwrite it");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A path as the user will recognise it: relative to the current directory when it is below it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
