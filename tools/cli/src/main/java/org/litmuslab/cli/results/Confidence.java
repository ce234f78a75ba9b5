package org.litmuslab.cli.results;

/**
 * The statistics behind each frequency: how sure a run lets us be about an outcome's probability.
 *
 * <ul>
 *     <li>An outcome seen {@code x} times in {@code n} samples: the 95 % Wilson score interval for its probability.
 *     Unlike the textbook {@code p ± 1.96·sqrt(p(1-p)/n)}, it stays inside [0, 1] and keeps its coverage for the
 *     rare outcomes litmus tests are about (Brown, Cai and DasGupta, Statistical Science 16(2), 2001).</li>
 *     <li>An outcome never seen in {@code n} samples: the exact one-sided 95 % upper bound {@code 1 - 0.05^(1/n)},
 *     the Clopper-Pearson bound for zero successes; for large {@code n} it is the "rule of three", {@code ≈ 3/n}
 *     (exactly {@code -ln(0.05)/n = 2.9957/n}).</li>
 * </ul>
 *
 * <p>commons-statistics-interval computes both, but takes {@code int} counts, and a jcstress run easily passes
 * 2^31 samples; the tests check these figures against it wherever counts fit an {@code int}.
 */
public final class Confidence {

    /** The 97.5th percentile of the standard normal distribution: a two-sided 95 % interval spans ±Z95. */
    public static final double Z95 = 1.959963984540054;

    private static final double LN_005 = Math.log(0.05);

    private Confidence() {
    }

    /** A closed interval of probabilities. */
    public record Interval(double low, double high) {
    }

    /** The 95 % Wilson score interval for a probability observed {@code x} times in {@code n} trials. */
    public static Interval wilson95(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, n > 0; got x=" + x + ", n=" + n);
        }
        double nd = n;
        double p = x / nd;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / nd;
        double centre = (p + z2 / (2 * nd)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / nd + z2 / (4 * nd * nd)) / denominator;
        double low = x == 0 ? 0 : Math.max(0, centre - half);
        double high = x == n ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }

    /**
     * The one-sided 95 % upper bound on the probability of an outcome never seen in {@code n} trials:
     * {@code 1 - 0.05^(1/n)}, computed without cancellation for large {@code n}.
     */
    public static double upperBound95(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("need n > 0; got " + n);
        }
        return -Math.expm1(LN_005 / n);
    }
}
