package org.litmuslab.testgen;

import java.util.List;

import org.litmuslab.testgen.family.AccessAtomicityFamily;
import org.litmuslab.testgen.family.IncrementFamily;
import org.litmuslab.testgen.family.OrderingFamily;

/** Every family, and which test module each one is generated into. */
public final class Families {

    private Families() {
    }

    public static List<Family> all() {
        return List.of(
                new IncrementFamily(),
                new AccessAtomicityFamily(),
                new OrderingFamily(OrderingFamily.Shape.MESSAGE_PASSING),
                new OrderingFamily(OrderingFamily.Shape.STORE_BUFFERING));
    }

    /** The families of a test module, e.g. {@code tests-counter}; empty for a module without any. */
    public static List<Family> forModule(String module) {
        return all().stream().filter(f -> f.module().equals(module)).toList();
    }

    /** The test modules that have families. */
    public static List<String> modules() {
        return all().stream().map(Family::module).distinct().sorted().toList();
    }

    /** Every test of the given families, in family then matrix order. */
    public static List<SourceFile> generate(List<Family> families, Templates templates) {
        return families.stream().flatMap(f -> f.generate(templates).stream()).toList();
    }
}
