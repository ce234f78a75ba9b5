package org.litmuslab.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.litmuslab.annotations.ObservedOn;
import org.openjdk.jcstress.annotations.Expect;

class PlatformClaimsTest {

    @ObservedOn({"x86_64", "aarch64"})
    static class Claimed {
    }

    static class Unclaimed {
    }

    private static LitmusTest test(Class<?> c, Expect... expects) {
        List<OutcomeSpec> outcomes = java.util.Arrays.stream(expects)
                .map(e -> new OutcomeSpec(List.of("1"), e, "d")).toList();
        return new LitmusTest(c.getName().replace('$', '.'), c.getName(), "d", List.of("a1", "a2"),
                TestMode.Continuous, outcomes, List.of());
    }

    @Test
    void readsObservedOnByReflection() {
        LitmusTest claimed = test(Claimed.class, Expect.ACCEPTABLE, Expect.ACCEPTABLE_INTERESTING);
        LitmusTest unclaimed = test(Unclaimed.class, Expect.ACCEPTABLE);
        LitmusTest missing = new LitmusTest("no.Such", "no.Such", null, List.of(), TestMode.Continuous, List.of(),
                List.of());
        PlatformClaims claims = PlatformClaims.of(List.of(claimed, unclaimed, missing), getClass().getClassLoader());

        assertThat(claims.archs(claimed.name())).containsExactly("aarch64", "x86_64");
        assertThat(claims.claims(claimed.name(), "x86_64")).isTrue();
        assertThat(claims.claims(unclaimed.name(), "x86_64")).isFalse();
        assertThat(claims.archs(missing.name())).isEmpty();
        assertThat(claims.testsClaiming("aarch64")).containsExactly(claimed.name());
        assertThat(PlatformClaims.isRacy(claimed)).isTrue();
        assertThat(PlatformClaims.isRacy(unclaimed)).isFalse();
    }

    @Test
    void everyClaimInTheCollectionIsOnARacyVariant() {
        TestCatalog catalog = TestCatalog.fromClassPath();
        PlatformClaims claims = PlatformClaims.of(catalog);
        assertThat(catalog.all()).filteredOn(t -> !claims.archs(t.name()).isEmpty())
                .allSatisfy(t -> assertThat(PlatformClaims.isRacy(t))
                        .as("%s claims @ObservedOn but has no ACCEPTABLE_INTERESTING outcome", t.name()).isTrue());
    }
}
