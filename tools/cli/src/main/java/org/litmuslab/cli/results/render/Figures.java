package org.litmuslab.cli.results.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.litmuslab.cli.results.Confidence;
import org.litmuslab.cli.results.OutcomeResult;

/** Numbers as reports print them; locale-independent, so every machine writes the same bytes. */
public final class Figures {
    private Figures() {
    }

    /**
     * jcstress's FREQ column: {@code 25.00%}, {@code <0.01%} for a non-zero share below it, {@code 0.00%}. Rounded as
     * jcstress's {@code String.format("%.2f%%")} rounds (half up on the shortest decimal form of the double), without
     * its cost: a summary prints tens of thousands of these.
     */
    public static String percent(long v, long total) {
        if (v == 0 || total <= 0) {
            return "0.00%";
        }
        double p = v * 100.0 / total;
        if (p < 0.01) {
            return "<0.01%";
        }
        return new BigDecimal(Double.toString(p)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A sample count with thousands separators, as jcstress prints it ({@code %,d}): {@code 1,234,567}. */
    public static String count(long v) {
        String digits = Long.toString(v);
        int start = v < 0 ? 1 : 0;
        int len = digits.length() - start;
        if (len <= 3) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(digits.length() + len / 3);
        sb.append(digits, 0, start);
        int first = len % 3 == 0 ? 3 : len % 3;
        sb.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /**
     * A probability, compactly: percent with as many decimals as it takes to tell {@code p} from {@code other}
     * (e.g. the two ends of an interval) down to 0.01 %, scientific below that: {@code 7.3e-9}.
     */
    public static String probability(double p, double other) {
        if (p == 0) {
            return "0";
        }
        if (p == 1) {
            return "100%";
        }
        if (p < 1e-4) {
            return scientific(p);
        }
        int decimals = 2;
        double diff = Math.abs(p - other) * 100;
        if (diff > 0 && diff < 0.1) {
            decimals = Math.min(6, (int) Math.ceil(-Math.log10(diff)) + 1);
        }
        return new BigDecimal(p * 100).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** {@code 7.3e-9}: two significant digits (without Formatter, which is slow in bulk). */
    public static String scientific(double p) {
        BigDecimal d = new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP));
        int exp = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exp).setScale(1, RoundingMode.HALF_UP);
        return mantissa.toPlainString() + "e" + exp;
    }

    /** {@code [24.1%, 25.9%]}. */
    public static String interval(Confidence.Interval ci) {
        return "[" + probability(ci.low(), ci.high()) + ", " + probability(ci.high(), ci.low()) + "]";
    }

    /** The confidence column of a row: the interval, the upper bound, or empty when there were no samples. */
    public static String confidence(OutcomeResult o) {
        if (o.ci95() != null) {
            return interval(o.ci95());
        }
        if (o.upperBound95() != null) {
            return "p < " + probability(o.upperBound95(), 0);
        }
        return "";
    }

    /** A number for machine-readable output: shortest round-trip form. */
    public static String plain(double d) {
        return Double.toString(d);
    }
}
