package org.litmuslab.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.litmuslab.testgen.family.AccessAtomicityFamily;
import org.litmuslab.testgen.family.AccessMode;
import org.litmuslab.testgen.family.IncrementFamily;
import org.litmuslab.testgen.family.IncrementMode;
import org.litmuslab.testgen.family.JavaType;
import org.litmuslab.testgen.family.OrderingFamily;
import org.litmuslab.testgen.family.OrderingFamily.Shape;

/** Which cells of each matrix exist, and how they are named. */
class FiltersTest {

    @Test
    void incrementCountersAreIntAndLongWithLongAdderForLongOnly() {
        assertThat(IncrementFamily.exists(JavaType.INT, IncrementMode.PLAIN)).isTrue();
        assertThat(IncrementFamily.exists(JavaType.LONG, IncrementMode.LOCK)).isTrue();
        assertThat(IncrementFamily.exists(JavaType.LONG, IncrementMode.ADDER)).isTrue();
        assertThat(IncrementFamily.exists(JavaType.INT, IncrementMode.ADDER)).isFalse();
        for (JavaType t : List.of(JavaType.BOOLEAN, JavaType.BYTE, JavaType.SHORT, JavaType.CHAR, JavaType.FLOAT,
                JavaType.DOUBLE, JavaType.REFERENCE)) {
            for (IncrementMode m : IncrementMode.values()) {
                assertThat(IncrementFamily.exists(t, m)).as("%s %s", t, m).isFalse();
            }
        }
        // 8 modes for int, 9 (with LongAdder) for long.
        assertThat(IncrementFamily.cells()).hasSize(17);
    }

    @Test
    void accessAtomicityCoversEveryTypeInEveryMode() {
        assertThat(AccessAtomicityFamily.cells()).hasSize(JavaType.values().length * AccessMode.values().length)
                .hasSize(36);
    }

    @Test
    void orderingFamiliesUseIntLongAndReference() {
        for (AccessMode m : AccessMode.values()) {
            assertThat(OrderingFamily.exists(JavaType.INT, m)).isTrue();
            assertThat(OrderingFamily.exists(JavaType.LONG, m)).isTrue();
            assertThat(OrderingFamily.exists(JavaType.REFERENCE, m)).isTrue();
            assertThat(OrderingFamily.exists(JavaType.BYTE, m)).isFalse();
            assertThat(OrderingFamily.exists(JavaType.DOUBLE, m)).isFalse();
        }
        assertThat(new OrderingFamily(Shape.MESSAGE_PASSING).cells()).hasSize(12);
        assertThat(new OrderingFamily(Shape.STORE_BUFFERING).cells()).hasSize(12);
    }

    @Test
    void namesDeriveFromTheCell() {
        assertThat(new IncrementFamily.Cell(JavaType.LONG, IncrementMode.VOLATILE).className())
                .isEqualTo("org.litmuslab.counter.generated.volatiles.LongIncrement");
        assertThat(new AccessAtomicityFamily.Cell(JavaType.LONG, AccessMode.VOLATILE).className())
                .isEqualTo("org.litmuslab.visibility.generated.atomicity.volatiles.LongAccess");
        assertThat(new OrderingFamily.Cell(Shape.STORE_BUFFERING, JavaType.INT, AccessMode.PLAIN).className())
                .isEqualTo("org.litmuslab.visibility.generated.sb.plain.IntStoreBuffering");
        assertThat(new OrderingFamily.Cell(Shape.MESSAGE_PASSING, JavaType.REFERENCE, AccessMode.ACQUIRE_RELEASE)
                .className()).isEqualTo("org.litmuslab.visibility.generated.mp.acqrel.ReferenceMessagePassing");
    }

    @Test
    void everyModuleGetsItsFamiliesAndNamesAreUniqueAndInItsGeneratedPackage() {
        Templates templates = new Templates();
        List<SourceFile> counter = Families.generate(Families.forModule("tests-counter"), templates);
        List<SourceFile> visibility = Families.generate(Families.forModule("tests-visibility"), templates);
        assertThat(counter).hasSize(17)
                .allSatisfy(f -> assertThat(f.className()).startsWith("org.litmuslab.counter.generated."));
        assertThat(visibility).hasSize(36 + 12 + 12)
                .allSatisfy(f -> assertThat(f.className()).startsWith("org.litmuslab.visibility.generated."));
        assertThat(counter.size() + visibility.size()).isGreaterThanOrEqualTo(40);
        Set<String> names = new HashSet<>();
        counter.forEach(f -> assertThat(names.add(f.className())).as(f.className()).isTrue());
        visibility.forEach(f -> assertThat(names.add(f.className())).as(f.className()).isTrue());
        assertThat(Families.forModule("tests-deadlock")).isEmpty();
        assertThat(Families.modules()).containsExactly("tests-counter", "tests-visibility");
    }
}
