package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.litmuslab.cli.results.Categories;
import org.litmuslab.cli.results.ConfigResult;
import org.litmuslab.cli.results.OutcomeResult;
import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;
import org.litmuslab.cli.results.TopicSummary;
import org.openjdk.jcstress.annotations.Expect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The versioned JSON schema of docs/summary-json.md ({@code schemaVersion} {@value Summary#SCHEMA_VERSION}), written
 * with Jackson's streaming generator so the field order is the documented one. Configurations are included with
 * {@code --by config}.
 */
final class JsonRenderer implements Renderer {

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonGenerator g = factory.createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", Summary.SCHEMA_VERSION);
            g.writeStringField("by", by.name());
            strings(g, "dumps", s.dumps());
            g.writeArrayFieldStart("environments");
            for (RunEnvironment e : s.environments()) {
                g.writeStartObject();
                g.writeStringField("jdk", e.jdk());
                g.writeStringField("vm", e.vm());
                g.writeStringField("os", e.os());
                g.writeStringField("arch", e.arch());
                g.writeNumberField("cpus", e.cpus());
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, String> p : e.properties().entrySet()) {
                    g.writeStringField(p.getKey(), p.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("totals");
            group(g, s.totals());
            g.writeArrayFieldStart("topics");
            for (TopicSummary t : s.topics()) {
                group(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tests");
            for (TestSummary t : s.tests()) {
                test(g, t, by == By.config);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void test(JsonGenerator g, TestSummary t, boolean configs) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("topic", t.topic());
        g.writeStringField("status", t.status().id());
        if (t.reason() != null) {
            g.writeStringField("reason", t.reason());
        }
        if (t.description() != null) {
            g.writeStringField("description", t.description());
        }
        strings(g, "refs", t.refs());
        g.writeNumberField("actors", t.actors());
        g.writeNumberField("samples", t.samples());
        g.writeNumberField("configurations", t.configurations());
        g.writeFieldName("categories");
        categories(g, t.categories());
        outcomes(g, t.outcomes());
        if (!t.messages().isEmpty()) {
            strings(g, "messages", t.messages());
        }
        if (configs) {
            g.writeArrayFieldStart("configs");
            for (ConfigResult c : t.configs()) {
                g.writeStartObject();
                g.writeStringField("label", c.config().label());
                strings(g, "jvmArgs", c.config().jvmArgs());
                g.writeStringField("compilation", c.config().compilation());
                g.writeStringField("scheduling", c.config().schedulingClass());
                g.writeNumberField("forks", c.forks());
                g.writeStringField("status", c.status().id());
                if (c.reason() != null) {
                    g.writeStringField("reason", c.reason());
                }
                g.writeNumberField("samples", c.samples());
                outcomes(g, c.outcomes());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void outcomes(JsonGenerator g, List<OutcomeResult> outcomes) throws IOException {
        g.writeArrayFieldStart("outcomes");
        for (OutcomeResult o : outcomes) {
            g.writeStartObject();
            g.writeStringField("id", o.id());
            g.writeStringField("expect", o.expect().toString());
            if (o.description() != null) {
                g.writeStringField("description", o.description());
            }
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
        g.writeEndArray();
    }

    private static void group(JsonGenerator g, TopicSummary t) throws IOException {
        g.writeStartObject();
        g.writeStringField("topic", t.topic());
        g.writeNumberField("tests", t.tests());
        g.writeObjectFieldStart("statuses");
        for (TestStatus st : TestStatus.values()) {
            g.writeNumberField(st.id(), t.count(st));
        }
        g.writeEndObject();
        g.writeNumberField("samples", t.samples());
        g.writeFieldName("categories");
        categories(g, t.categories());
        g.writeEndObject();
    }

    private static void categories(JsonGenerator g, Categories c) throws IOException {
        g.writeStartObject();
        for (Expect e : new Expect[] {Expect.ACCEPTABLE, Expect.ACCEPTABLE_INTERESTING, Expect.FORBIDDEN, Expect.UNKNOWN}) {
            Categories.Count n = c.get(e);
            g.writeObjectFieldStart(e.toString().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("samples", n.samples());
            g.writeNumberField("outcomes", n.outcomes());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
