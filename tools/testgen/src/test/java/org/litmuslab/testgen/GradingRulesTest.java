package org.litmuslab.testgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.litmuslab.testgen.Grade.ACCEPTABLE;
import static org.litmuslab.testgen.Grade.ACCEPTABLE_INTERESTING;
import static org.litmuslab.testgen.Grade.FORBIDDEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.litmuslab.testgen.family.AccessAtomicityFamily;
import org.litmuslab.testgen.family.AccessMode;
import org.litmuslab.testgen.family.IncrementFamily;
import org.litmuslab.testgen.family.IncrementMode;
import org.litmuslab.testgen.family.JavaType;
import org.litmuslab.testgen.family.OrderingFamily;
import org.litmuslab.testgen.family.OrderingFamily.Shape;

/** The grading rules follow the JMM (JLS 17) and the VarHandle javadoc, cell by cell, and reach the source. */
class GradingRulesTest {
    private static final Pattern OUTCOME = Pattern.compile("@Outcome\\((?:id = \"([^\"]*)\", )?\\s*expect = (\\w+),");
    private static final Templates TEMPLATES = new Templates();

    /** id (or "" for the catch-all) to grade, as the generated source declares them. */
    static Map<String, Grade> declared(SourceFile f) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        Matcher m = OUTCOME.matcher(f.content());
        while (m.find()) {
            grades.put(m.group(1) == null ? "" : m.group(1), Grade.valueOf(m.group(2)));
        }
        return grades;
    }

    @Test
    void lostUpdateIsInterestingWithoutAtomicityAndForbiddenWithIt() {
        for (IncrementMode m : List.of(IncrementMode.PLAIN, IncrementMode.VOLATILE, IncrementMode.OPAQUE,
                IncrementMode.ACQUIRE_RELEASE)) {
            assertThat(IncrementFamily.lostUpdate(m)).as(m.name()).isEqualTo(ACCEPTABLE_INTERESTING);
        }
        for (IncrementMode m : List.of(IncrementMode.GET_AND_ADD, IncrementMode.ATOMIC, IncrementMode.SYNCHRONIZED,
                IncrementMode.LOCK, IncrementMode.ADDER)) {
            assertThat(IncrementFamily.lostUpdate(m)).as(m.name()).isEqualTo(FORBIDDEN);
        }
    }

    @Test
    void tornValuesAreInterestingOnlyForPlainLongAndDouble() {
        assertThat(AccessAtomicityFamily.torn(JavaType.LONG, AccessMode.PLAIN)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(AccessAtomicityFamily.torn(JavaType.DOUBLE, AccessMode.PLAIN)).isEqualTo(ACCEPTABLE_INTERESTING);
        for (AccessMode m : List.of(AccessMode.VOLATILE, AccessMode.OPAQUE, AccessMode.ACQUIRE_RELEASE)) {
            assertThat(AccessAtomicityFamily.torn(JavaType.LONG, m)).as(m.name()).isEqualTo(FORBIDDEN);
            assertThat(AccessAtomicityFamily.torn(JavaType.DOUBLE, m)).as(m.name()).isEqualTo(FORBIDDEN);
        }
        for (JavaType t : JavaType.values()) {
            if (!t.isWide()) {
                for (AccessMode m : AccessMode.values()) {
                    assertThat(AccessAtomicityFamily.torn(t, m)).as("%s %s", t, m).isEqualTo(FORBIDDEN);
                }
            }
        }
    }

    @Test
    void staleDataAfterTheFlagIsForbiddenFromReleaseAcquireUp() {
        assertThat(OrderingFamily.staleAfterFlag(AccessMode.PLAIN)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(OrderingFamily.staleAfterFlag(AccessMode.OPAQUE)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(OrderingFamily.staleAfterFlag(AccessMode.ACQUIRE_RELEASE)).isEqualTo(FORBIDDEN);
        assertThat(OrderingFamily.staleAfterFlag(AccessMode.VOLATILE)).isEqualTo(FORBIDDEN);
    }

    @Test
    void storeBufferingIsForbiddenOnlyForVolatile() {
        assertThat(OrderingFamily.bothMissed(AccessMode.PLAIN)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(OrderingFamily.bothMissed(AccessMode.OPAQUE)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(OrderingFamily.bothMissed(AccessMode.ACQUIRE_RELEASE)).isEqualTo(ACCEPTABLE_INTERESTING);
        assertThat(OrderingFamily.bothMissed(AccessMode.VOLATILE)).isEqualTo(FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(IncrementMode.class)
    void incrementSourceCarriesTheRule(IncrementMode mode) {
        JavaType t = mode == IncrementMode.ADDER ? JavaType.LONG : JavaType.INT;
        SourceFile f = new IncrementFamily().model(new IncrementFamily.Cell(t, mode)).render(TEMPLATES);
        assertThat(declared(f)).containsExactly(Map.entry("2", ACCEPTABLE),
                Map.entry("1", IncrementFamily.lostUpdate(mode)), Map.entry("", FORBIDDEN));
    }

    @Test
    void accessSourceCarriesTheRule() {
        SourceFile plainLong = new AccessAtomicityFamily()
                .model(new AccessAtomicityFamily.Cell(JavaType.LONG, AccessMode.PLAIN)).render(TEMPLATES);
        assertThat(declared(plainLong)).containsExactly(Map.entry("0", ACCEPTABLE), Map.entry("4294967297", ACCEPTABLE),
                Map.entry("4294967296", ACCEPTABLE_INTERESTING), Map.entry("1", ACCEPTABLE_INTERESTING),
                Map.entry("", FORBIDDEN));
        SourceFile volatileDouble = new AccessAtomicityFamily()
                .model(new AccessAtomicityFamily.Cell(JavaType.DOUBLE, AccessMode.VOLATILE)).render(TEMPLATES);
        assertThat(declared(volatileDouble)).containsEntry("4294967296", FORBIDDEN).containsEntry("1", FORBIDDEN);
        SourceFile plainInt = new AccessAtomicityFamily()
                .model(new AccessAtomicityFamily.Cell(JavaType.INT, AccessMode.PLAIN)).render(TEMPLATES);
        assertThat(declared(plainInt)).containsExactly(Map.entry("0", ACCEPTABLE), Map.entry("-1", ACCEPTABLE),
                Map.entry("", FORBIDDEN));
    }

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void orderingSourcesCarryTheRules(AccessMode mode) {
        SourceFile mp = new OrderingFamily(Shape.MESSAGE_PASSING)
                .model(new OrderingFamily.Cell(Shape.MESSAGE_PASSING, JavaType.INT, mode)).render(TEMPLATES);
        assertThat(declared(mp)).containsExactly(Map.entry("0, 0", ACCEPTABLE), Map.entry("0, 1", ACCEPTABLE),
                Map.entry("1, 0", OrderingFamily.staleAfterFlag(mode)), Map.entry("1, 1", ACCEPTABLE));
        SourceFile sb = new OrderingFamily(Shape.STORE_BUFFERING)
                .model(new OrderingFamily.Cell(Shape.STORE_BUFFERING, JavaType.REFERENCE, mode)).render(TEMPLATES);
        assertThat(declared(sb)).containsExactly(Map.entry("null, null", OrderingFamily.bothMissed(mode)),
                Map.entry("null, set", ACCEPTABLE), Map.entry("set, null", ACCEPTABLE), Map.entry("set, set", ACCEPTABLE));
    }

    @Test
    void noGeneratedTestHasAnAcceptableCatchAllAndEveryOneGradesTheOutcomeItIsAbout() {
        for (Family family : Families.all()) {
            for (SourceFile f : family.generate(TEMPLATES)) {
                Map<String, Grade> grades = declared(f);
                assertThat(grades).as(f.className()).isNotEmpty();
                assertThat(grades.get("")).as(f.className() + " catch-all").isNotEqualTo(ACCEPTABLE);
                assertThat(grades.values()).as(f.className() + ": the outcome the test is about")
                        .containsAnyOf(ACCEPTABLE_INTERESTING, FORBIDDEN);
            }
        }
    }
}
