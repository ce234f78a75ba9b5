package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    /** The textbook pooled two-proportion z-test, two-sided. */
    private static double zTest(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double p = (double) (x1 + x2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
    }

    @Test
    void largeCountsGiveTheTwoProportionZTest() {
        // Counter_01_LostUpdate.Racy in the compare dumps: 64 of 40,282 on JDK 17, 1,439 of 50,699 on JDK 25
        assertThat(Significance.pValue(64, 40_282, 1_439, 50_699)).isCloseTo(zTest(64, 40_282, 1_439, 50_699),
                within(1e-220));
        assertThat(Significance.pValue(520, 10_000, 480, 10_000)).isCloseTo(zTest(520, 10_000, 480, 10_000),
                within(1e-12)).isBetween(0.05, 1.0);
        assertThat(Significance.pValue(560, 10_000, 480, 10_000)).isCloseTo(zTest(560, 10_000, 480, 10_000),
                within(1e-12)).isLessThan(0.05);
    }

    @Test
    void countsPastTwoToTheThirtyOneAreFine() {
        long n = 10_000_000_000L;
        double p = Significance.pValue(3_000_000_000L, n, 3_001_000_000L, n);
        assertThat(p).isCloseTo(zTest(3_000_000_000L, n, 3_001_000_000L, n), within(1e-9)).isLessThan(0.05);
        assertThat(Significance.pValue(3_000_000_000L, n, 3_000_000_000L, n)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void smallCountsUseFishersExactTest() {
        double exact = FisherExactTest.withDefaults().test(new int[][] {{0, 8}, {5, 5}}).getPValue();
        assertThat(Significance.pValue(0, 8, 5, 10)).isEqualTo(exact).isLessThan(0.05);
        // one sample of 180 in millions against none in 8: no evidence of a difference
        assertThat(Significance.pValue(180, 5_946_418, 0, 8)).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void runsThatCannotDifferGivePOne() {
        assertThat(Significance.pValue(0, 100, 0, 1_000)).isEqualTo(1.0);
        assertThat(Significance.pValue(100, 100, 1_000, 1_000)).isEqualTo(1.0);
    }

    @Test
    void intervalsApart() {
        assertThat(Significance.intervalsApart(64, 40_282, 1_439, 50_699)).isTrue();
        assertThat(Significance.intervalsApart(59, 27_589, 136, 50_697)).isFalse();
        assertThat(Significance.intervalsApart(0, 10, 10, 10)).isTrue();
    }
}
