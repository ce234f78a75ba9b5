package org.litmuslab.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.litmuslab.testgen.family.AccessAtomicityFamily;
import org.litmuslab.testgen.family.AccessMode;
import org.litmuslab.testgen.family.IncrementFamily;
import org.litmuslab.testgen.family.IncrementMode;
import org.litmuslab.testgen.family.JavaType;
import org.litmuslab.testgen.family.OrderingFamily;
import org.litmuslab.testgen.family.OrderingFamily.Shape;
import org.litmuslab.testgen.scaffold.LessonSkeleton;

/**
 * Golden files: a few cells of every family, and the lesson skeletons, rendered and compared byte for byte with
 * src/test/resources/golden. After an intended change of a template or a rule, regenerate them with
 * {@code mvn -pl tools/testgen test -Dtest=GoldenFilesTest -Dlitmus.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Templates TEMPLATES = new Templates();

    static Stream<Arguments> cells() {
        IncrementFamily inc = new IncrementFamily();
        AccessAtomicityFamily acc = new AccessAtomicityFamily();
        OrderingFamily mp = new OrderingFamily(Shape.MESSAGE_PASSING);
        OrderingFamily sb = new OrderingFamily(Shape.STORE_BUFFERING);
        return Stream.of(
                Arguments.of(inc.model(new IncrementFamily.Cell(JavaType.INT, IncrementMode.PLAIN)).render(TEMPLATES)),
                Arguments.of(inc.model(new IncrementFamily.Cell(JavaType.LONG, IncrementMode.LOCK)).render(TEMPLATES)),
                Arguments.of(inc.model(new IncrementFamily.Cell(JavaType.INT, IncrementMode.ACQUIRE_RELEASE)).render(TEMPLATES)),
                Arguments.of(acc.model(new AccessAtomicityFamily.Cell(JavaType.LONG, AccessMode.PLAIN)).render(TEMPLATES)),
                Arguments.of(acc.model(new AccessAtomicityFamily.Cell(JavaType.CHAR, AccessMode.OPAQUE)).render(TEMPLATES)),
                Arguments.of(mp.model(new OrderingFamily.Cell(Shape.MESSAGE_PASSING, JavaType.INT, AccessMode.ACQUIRE_RELEASE)).render(TEMPLATES)),
                Arguments.of(sb.model(new OrderingFamily.Cell(Shape.STORE_BUFFERING, JavaType.REFERENCE, AccessMode.VOLATILE)).render(TEMPLATES)),
                Arguments.of(new SourceFile("org.litmuslab.counter.Counter_02_Skeleton", LessonSkeleton.render(
                        new LessonSkeleton.Spec("counter", 2, "Skeleton", 2, "II", false), TEMPLATES))),
                Arguments.of(new SourceFile("org.litmuslab.deadlock.Deadlock_07_Skeleton", LessonSkeleton.render(
                        new LessonSkeleton.Spec("deadlock", 7, "Skeleton", 1, null, true), TEMPLATES))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void renderedTestMatchesItsGoldenFile(SourceFile file) throws IOException {
        Path golden = GOLDEN.resolve(file.relativePath());
        if (Boolean.getBoolean("litmus.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, file.content(), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (regenerate with -Dlitmus.updateGolden=true)").exists();
        assertThat(file.content()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
