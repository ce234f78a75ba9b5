package org.litmuslab.cli.results.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.util.StringUtils;

/** Our fast formatting prints exactly what jcstress's String.format-based formatting prints. */
class FiguresTest {

    @Test
    void percentIsJcstressPercent() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long total = 1 + (long) (r.nextDouble() * (i % 2 == 0 ? 1_000 : 1e10));
            long v = (long) (r.nextDouble() * total);
            assertThat(Figures.percent(v, total)).as("%d of %d", v, total)
                    .isEqualTo(StringUtils.percent(v, total, 2).replace(',', '.'));
        }
        assertThat(Figures.percent(1, 8)).isEqualTo("12.50%");
        assertThat(Figures.percent(1, 1_000_000)).isEqualTo("<0.01%");
        assertThat(Figures.percent(0, 5)).isEqualTo("0.00%");
    }

    @Test
    void countIsPercentCommaD() {
        Random r = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long v = i < 2000 ? i - 1000 : r.nextLong() >> r.nextInt(64);
            assertThat(Figures.count(v)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", v));
        }
        assertThat(Figures.count(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
    }

    @Test
    void cutoffIsJcstressCutoff() {
        for (String s : new String[] {"", "short", "a  b   c", " padded ", "new\nline", "nul\u0000char",
                "Both reads missed the other's write: violates the synchronization order of volatile accesses.",
                "x".repeat(60), "x".repeat(61), "y ".repeat(40)}) {
            for (int len : new int[] {8, 60}) {
                assertThat(TextRenderer.cutoff(s, len)).isEqualTo(StringUtils.cutoff(s, len));
            }
        }
    }

    @Test
    void probabilities() {
        assertThat(Figures.probability(7.3e-9, 0)).isEqualTo("7.3e-9");
        assertThat(Figures.probability(0.25, 0.2)).isEqualTo("25.00%");
        assertThat(Figures.probability(0.264253, 0.264348)).isEqualTo("26.4253%");
        assertThat(Figures.probability(1, 0.9)).isEqualTo("100%");
        assertThat(Figures.probability(0, 0.1)).isEqualTo("0");
    }
}
