package org.litmuslab.cli.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Expect;

/**
 * The lessons' machine-readable platform claims: the {@link ObservedOn} annotation on a racy variant says on which CPU
 * architectures its {@code ACCEPTABLE_INTERESTING} outcome shows in one teach run. Read by reflection from the test
 * classes on the class path (litmus.jar holds them all); the classes are loaded but not initialised.
 */
public final class PlatformClaims {

    private final Map<String, Set<String>> archsByTest;

    private PlatformClaims(Map<String, Set<String>> archsByTest) {
        this.archsByTest = archsByTest;
    }

    /** The claims of the catalog's tests whose classes this class's loader can load; others claim nothing. */
    public static PlatformClaims of(TestCatalog catalog) {
        return of(catalog.all(), PlatformClaims.class.getClassLoader());
    }

    static PlatformClaims of(List<LitmusTest> tests, ClassLoader loader) {
        Map<String, Set<String>> claims = new LinkedHashMap<>();
        for (LitmusTest t : tests) {
            try {
                ObservedOn on = Class.forName(t.binaryName(), false, loader).getAnnotation(ObservedOn.class);
                if (on != null) {
                    claims.put(t.name(), new TreeSet<>(Arrays.asList(on.value())));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // a test of another jar: no claim we can read
            }
        }
        return new PlatformClaims(claims);
    }

    /** The architectures the test claims, empty when it claims none. */
    public Set<String> archs(String testName) {
        return archsByTest.getOrDefault(testName, Set.of());
    }

    /** True when the test claims its interesting outcome shows in a teach run on {@code arch}. */
    public boolean claims(String testName, String arch) {
        return archs(testName).contains(arch);
    }

    /** The tests claiming {@code arch}, by name. */
    public Set<String> testsClaiming(String arch) {
        Set<String> names = new TreeSet<>();
        archsByTest.forEach((name, archs) -> {
            if (archs.contains(arch)) {
                names.add(name);
            }
        });
        return names;
    }

    /** A racy test: one that grades some outcome ACCEPTABLE_INTERESTING. */
    public static boolean isRacy(LitmusTest t) {
        return t.outcomes().stream().anyMatch(o -> o.expect() == Expect.ACCEPTABLE_INTERESTING);
    }
}
