package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.Writer;

import org.litmuslab.cli.results.Comparison;
import org.litmuslab.cli.results.Comparison.Change;
import org.litmuslab.cli.results.Comparison.Flag;
import org.litmuslab.cli.results.Comparison.Row;
import org.litmuslab.cli.results.Comparison.Run;
import org.litmuslab.cli.results.Comparison.TestComparison;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.TestSummary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * JSON ({@code schemaVersion} {@value Comparison#SCHEMA_VERSION}): {@code runs} (label, dump, environments), and
 * {@code tests}, each with {@code runs} (per run: status and samples, or null), {@code verdict} and {@code rows}
 * (outcome, expect, description, {@code cells} per run in run order, or null where the run lacks the test, and
 * {@code flags}: kind, labels, text).
 */
final class CompareJson implements CompareFormat.Renderer {

    @Override
    public void render(Comparison c, Writer w) throws IOException {
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", Comparison.SCHEMA_VERSION);
            g.writeArrayFieldStart("runs");
            for (Run r : c.runs()) {
                g.writeStartObject();
                g.writeStringField("label", r.label());
                g.writeStringField("dump", r.dump());
                g.writeArrayFieldStart("environments");
                for (RunEnvironment e : r.summary().environments()) {
                    g.writeStartObject();
                    g.writeStringField("jdk", e.jdk());
                    g.writeStringField("vm", e.vm());
                    g.writeStringField("os", e.os());
                    g.writeStringField("arch", e.arch());
                    g.writeNumberField("cpus", e.cpus());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tests");
            for (TestComparison t : c.tests()) {
                test(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void test(JsonGenerator g, TestComparison t) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("topic", t.any().topic());
        g.writeArrayFieldStart("runs");
        for (TestSummary s : t.perRun()) {
            if (s == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeStringField("status", s.status().id());
                g.writeNumberField("samples", s.samples());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("verdict");
        g.writeStringField("question", t.verdict().question());
        strings(g, "outcomes", t.verdict().outcomes());
        strings(g, "answers", t.verdict().answers());
        g.writeEndObject();
        g.writeArrayFieldStart("rows");
        for (Row r : t.rows()) {
            g.writeStartObject();
            g.writeStringField("outcome", r.outcome());
            g.writeStringField("expect", r.expect().name());
            if (r.description() != null) {
                g.writeStringField("description", r.description());
            }
            g.writeArrayFieldStart("cells");
            for (OutcomeResult o : r.cells()) {
                cell(g, o);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("flags");
            for (Flag f : r.flags()) {
                g.writeStartObject();
                g.writeStringField("kind", f.kind().id());
                strings(g, "labels", f.labels());
                g.writeStringField("text", f.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void cell(JsonGenerator g, OutcomeResult o) throws IOException {
        if (o == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("samples", o.samples());
        g.writeNumberField("frequency", o.frequency());
        if (o.ci95() != null) {
            g.writeArrayFieldStart("ci95");
            g.writeNumber(o.ci95().low());
            g.writeNumber(o.ci95().high());
            g.writeEndArray();
        }
        if (o.upperBound95() != null) {
            g.writeNumberField("upperBound95", o.upperBound95());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
