package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.litmuslab.cli.results.render.Figures;

class ConfidenceTest {

    @Test
    void z95IsTheNormalQuantile() {
        // The 97.5th percentile of N(0, 1), to the digits of every statistics table.
        assertThat(Confidence.Z95).isCloseTo(1.959964, within(1e-6));
    }

    /** Textbook values (Wilson 1927's formula; e.g. Newcombe 1998, Table I: 0/10, 1/10, 5/10 and 81/263). */
    @ParameterizedTest
    @CsvSource({
            "0, 10, 0.0, 0.2775",
            "1, 10, 0.0179, 0.4042",
            "5, 10, 0.2366, 0.7634",
            "81, 263, 0.2553, 0.3662",
            "10, 10, 0.7225, 1.0"})
    void wilsonMatchesPublishedIntervals(long x, long n, double low, double high) {
        Confidence.Interval ci = Confidence.wilson95(x, n);
        assertThat(ci.low()).isCloseTo(low, within(5e-5));
        assertThat(ci.high()).isCloseTo(high, within(5e-5));
    }

    /** commons-statistics-interval as the oracle, wherever its int counts reach. */
    @ParameterizedTest
    @CsvSource({"1, 2", "2, 8", "6, 8", "12, 267", "251, 267", "87014479, 329225534", "3, 2000000000",
            "1000000, 1500000000"})
    void wilsonMatchesCommonsStatistics(int x, int n) {
        Interval ref = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, x, 0.05);
        Confidence.Interval ci = Confidence.wilson95(x, n);
        assertThat(ci.low()).isCloseTo(ref.getLowerBound(), within(1e-12 + 1e-9 * ref.getLowerBound()));
        assertThat(ci.high()).isCloseTo(ref.getUpperBound(), within(1e-12 + 1e-9 * ref.getUpperBound()));
    }

    @Test
    void wilsonWorksPastIntCounts() {
        // A stress run easily passes 2^31 samples; the interval must stay sane and tight.
        Confidence.Interval ci = Confidence.wilson95(2_500_000_000L, 10_000_000_000L);
        assertThat(ci.low()).isCloseTo(0.25, within(2e-5)).isLessThan(0.25);
        assertThat(ci.high()).isCloseTo(0.25, within(2e-5)).isGreaterThan(0.25);
    }

    /**
     * The one-sided 95 % bound for 0 of n is the two-sided 90 % Clopper-Pearson upper bound. Ours is the closed
     * form; the library inverts a beta distribution numerically and drifts by up to ~2e-8 relative at n = 2e9.
     */
    @ParameterizedTest
    @CsvSource({"1", "8", "267", "1000", "329225534", "2000000000"})
    void upperBoundMatchesClopperPearson(int n) {
        Interval ref = BinomialConfidenceInterval.CLOPPER_PEARSON.fromErrorRate(n, 0, 0.10);
        assertThat(Confidence.upperBound95(n)).isCloseTo(ref.getUpperBound(), within(1e-7 * ref.getUpperBound()));
    }

    @Test
    void upperBoundIsTheRuleOfThree() {
        // The example: forbidden, never seen in 4.1e8 samples: p < 7.3e-9.
        double p = Confidence.upperBound95(410_000_000L);
        assertThat(p).isCloseTo(7.3e-9, within(0.05e-9));
        assertThat(Figures.probability(p, 0)).isEqualTo("7.3e-9");
        // -ln(0.05) = 2.9957: "three" over n, for every large n.
        assertThat(Confidence.upperBound95(1_000_000_000_000L) * 1e12).isCloseTo(2.9957, within(1e-4));
        assertThat(Confidence.upperBound95(1)).isCloseTo(0.95, within(1e-12));
    }
}
