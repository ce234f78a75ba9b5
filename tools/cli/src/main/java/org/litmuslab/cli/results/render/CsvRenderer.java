package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.litmuslab.cli.results.ConfigResult;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * One row per test x outcome (x configuration with {@code --by config}), with a header row; RFC 4180 quoting by
 * Jackson. A test without any outcome row (e.g. not run and unknown) still gets one row, outcome columns empty.
 */
final class CsvRenderer implements Renderer {

    static final List<String> COLUMNS = List.of("test", "topic", "status", "config", "outcome", "expect",
            "description", "samples", "frequency", "ci95_low", "ci95_high", "upper_bound95");

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(schema::addColumn);
        CsvFactory factory = new CsvFactory();
        try (CsvGenerator g = factory.createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setSchema(schema.build());
            for (TestSummary t : s.tests()) {
                if (by == By.config && !t.configs().isEmpty()) {
                    for (ConfigResult c : t.configs()) {
                        rows(g, t, c.status(), c.config().label(), c.outcomes());
                    }
                } else {
                    rows(g, t, t.status(), "", t.outcomes());
                }
            }
        }
    }

    private static void rows(CsvGenerator g, TestSummary t, TestStatus status, String config,
                             List<OutcomeResult> outcomes) throws IOException {
        if (outcomes.isEmpty()) {
            row(g, t, status, config, null);
        }
        for (OutcomeResult o : outcomes) {
            row(g, t, status, config, o);
        }
    }

    private static void row(CsvGenerator g, TestSummary t, TestStatus status, String config, OutcomeResult o)
            throws IOException {
        g.writeStartArray();
        g.writeString(t.name());
        g.writeString(t.topic());
        g.writeString(status.id());
        g.writeString(config);
        if (o == null) {
            for (int i = 4; i < COLUMNS.size(); i++) {
                g.writeString("");
            }
        } else {
            g.writeString(o.id());
            g.writeString(o.expect().toString());
            g.writeString(o.description() == null ? "" : o.description());
            g.writeNumber(o.samples());
            g.writeString(Figures.plain(o.frequency()));
            g.writeString(o.ci95() == null ? "" : Figures.plain(o.ci95().low()));
            g.writeString(o.ci95() == null ? "" : Figures.plain(o.ci95().high()));
            g.writeString(o.upperBound95() == null ? "" : Figures.plain(o.upperBound95()));
        }
        g.writeEndArray();
    }
}
