package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.litmuslab.cli.results.RunEnvironment;
import org.litmuslab.cli.results.Summary;
import org.litmuslab.cli.results.TestStatus;
import org.litmuslab.cli.results.TestSummary;
import org.litmuslab.cli.results.TopicSummary;

/**
 * JUnit XML (the Ant/Surefire schema every CI reads): one testsuite per topic, one testcase per test. A FORBIDDEN
 * outcome is a {@code <failure>}, a jcstress error an {@code <error>}, a test that did not run (or could not be
 * graded) is {@code <skipped>} with the reason; the result table goes to {@code <system-out>}.
 */
final class JunitRenderer implements Renderer {

    @Override
    public void render(Summary s, By by, Writer w) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "litmus");
            counts(x, s.totals());
            for (TopicSummary topic : s.topics()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", xml(topic.topic()));
                counts(x, topic);
                x.writeAttribute("time", "0");
                properties(x, s);
                for (TestSummary t : s.tests()) {
                    if (t.topic().equals(topic.topic())) {
                        testcase(x, t);
                    }
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter x, TopicSummary t) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(t.tests()));
        x.writeAttribute("failures", Integer.toString(t.count(TestStatus.FAILED)));
        x.writeAttribute("errors", Integer.toString(t.count(TestStatus.ERROR)));
        x.writeAttribute("skipped", Integer.toString(t.count(TestStatus.NOT_RUN) + t.count(TestStatus.UNGRADED)));
    }

    private static void properties(XMLStreamWriter x, Summary s) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        List<RunEnvironment> envs = s.environments();
        for (int i = 0; i < envs.size(); i++) {
            String suffix = envs.size() == 1 ? "" : "." + (i + 1);
            property(x, "jdk" + suffix, envs.get(i).jdk());
            property(x, "vm" + suffix, envs.get(i).vm());
            property(x, "os" + suffix, envs.get(i).os());
            property(x, "arch" + suffix, envs.get(i).arch());
            property(x, "cpus" + suffix, Integer.toString(envs.get(i).cpus()));
        }
        for (String d : s.dumps()) {
            property(x, "dump", d);
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", xml(name));
        x.writeAttribute("value", xml(value));
    }

    private static void testcase(XMLStreamWriter x, TestSummary t) throws XMLStreamException {
        int dot = t.name().lastIndexOf('.');
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", xml(dot < 0 ? t.topic() : t.name().substring(0, dot)));
        x.writeAttribute("name", xml(t.name().substring(dot + 1)));
        x.writeAttribute("time", "0");
        switch (t.status()) {
            case FAILED -> detail(x, "failure", "FORBIDDEN", t.reason(), t);
            case ERROR -> detail(x, "error", "jcstress", t.reason(), t);
            case NOT_RUN, UNGRADED -> {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", xml(t.status().label() + ": " + t.reason()));
            }
            default -> { }
        }
        x.writeCharacters("\n      ");
        x.writeStartElement("system-out");
        x.writeCData(xml(table(t)).replace("]]>", "]] >"));
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static void detail(XMLStreamWriter x, String element, String type, String message, TestSummary t)
            throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeStartElement(element);
        x.writeAttribute("message", xml(message == null ? t.status().label() : message));
        x.writeAttribute("type", type);
        x.writeCharacters(xml(String.join("\n", t.messages())));
        x.writeEndElement();
    }

    private static String table(TestSummary t) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println(TextRenderer.label(t.status()) + " " + t.name());
        if (t.description() != null) {
            pw.println(t.description());
        }
        pw.println(Figures.count(t.samples()) + " samples in " + t.configurations() + " configurations; "
                + TextRenderer.categories(t.categories()));
        pw.println();
        TextRenderer.table(t.outcomes(), t.samples(), pw);
        pw.flush();
        return sw.toString();
    }

    /** Text XML 1.0 can hold: characters it forbids (e.g. NUL in a forged outcome id) become U+FFFD. */
    static String xml(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
