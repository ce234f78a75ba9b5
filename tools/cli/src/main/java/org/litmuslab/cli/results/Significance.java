package org.litmuslab.cli.results;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * Whether an outcome's probability differs between two runs: {@code x1} of {@code n1} samples against {@code x2} of
 * {@code n2}. Two answers, either of which flags a change at 95 %:
 * <ul>
 *     <li>the 95 % Wilson intervals of the two frequencies ({@link Confidence#wilson95}) do not overlap;</li>
 *     <li>the two-sided test of equal proportions rejects at 5 %: Pearson's chi-square test of the 2 x 2 table
 *     {@code [[x1, n1-x1], [x2, n2-x2]]}, whose statistic is the square of the pooled two-proportion z statistic
 *     (commons-statistics-inference, which takes {@code long} counts: jcstress runs pass 2^31 samples); where an
 *     expected cell count is below 5 and the counts fit an {@code int}, Fisher's exact test instead, as the
 *     chi-square approximation is poor there.</li>
 * </ul>
 * Each pair of runs is tested on its own (no correction for comparing many pairs): with nine runs, expect about
 * one pair in twenty of identical platforms to be flagged by chance.
 */
public final class Significance {

    /** The level: a change is flagged when p is below it. */
    public static final double ALPHA = 0.05;

    private Significance() {
    }

    /** The two-sided p-value of "the same probability in both runs"; 1 when the runs cannot differ. */
    public static double pValue(long x1, long n1, long x2, long n2) {
        check(x1, n1);
        check(x2, n2);
        long y1 = n1 - x1;
        long y2 = n2 - x2;
        if (x1 + x2 == 0 || y1 + y2 == 0) {
            return 1; // never seen, or always seen, in both: no evidence of any difference
        }
        // the smallest expected count of the table: smallest row total x smallest column total / all
        double minExpected = Math.min(n1, n2) * (double) Math.min(x1 + x2, y1 + y2) / ((double) n1 + n2);
        if (minExpected < 5 && fitsInt(n1) && fitsInt(n2)) {
            return FisherExactTest.withDefaults()
                    .test(new int[][] {{(int) x1, (int) y1}, {(int) x2, (int) y2}}).getPValue();
        }
        return ChiSquareTest.withDefaults().test(new long[] {x1, y1}, new long[] {x2, y2}).getPValue();
    }

    /** Whether the 95 % Wilson intervals of the two frequencies do not overlap. */
    public static boolean intervalsApart(long x1, long n1, long x2, long n2) {
        Confidence.Interval a = Confidence.wilson95(x1, n1);
        Confidence.Interval b = Confidence.wilson95(x2, n2);
        return a.high() < b.low() || b.high() < a.low();
    }

    /** The change between two runs, or null when it is not significant at 95 %. */
    static Comparison.Change change(int from, long x1, long n1, int to, long x2, long n2) {
        double p = pValue(x1, n1, x2, n2);
        boolean apart = intervalsApart(x1, n1, x2, n2);
        return apart || p < ALPHA ? new Comparison.Change(from, to, p, apart) : null;
    }

    private static boolean fitsInt(long v) {
        return v <= Integer.MAX_VALUE;
    }

    private static void check(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, n > 0; got x=" + x + ", n=" + n);
        }
    }
}
