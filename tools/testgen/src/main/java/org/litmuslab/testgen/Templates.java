package org.litmuslab.testgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

/**
 * Renders the Mustache templates under {@code org/litmuslab/testgen/templates/} (resources of this module).
 *
 * <p>A template is a complete Java test with named holes ({@code {{className}}}, sections for lists such as
 * {@code {{#outcomes}}}). Values are inserted as they are: no HTML escaping, since the output is Java source.
 * The output is normalized so that it is the same bytes on every platform and run: {@code \n} line ends, no trailing
 * blanks on a line, exactly one newline at the end.
 */
public final class Templates {
    /** Where the templates live on the class path (and under src/main/resources of tools/testgen). */
    public static final String ROOT = "org/litmuslab/testgen/templates/";

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** The path of a template in this repository, as the banner of a generated file names it. */
    public static String sourcePath(String template) {
        return "tools/testgen/src/main/resources/" + ROOT + template;
    }

    /** Renders the template (a file name under {@link #ROOT}) with the given values. */
    public String render(String template, Map<String, ?> values) {
        Mustache m = compiled.computeIfAbsent(template, this::compile);
        StringWriter out = new StringWriter();
        m.execute(out, values);
        return normalize(out.toString());
    }

    private Mustache compile(String template) {
        InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + template);
        if (in == null) {
            throw new IllegalArgumentException("no template " + ROOT + template + " on the class path");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return factory.compile(r, template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template, e);
        }
    }

    /** {@code \n} line ends, no trailing blanks, no blank lines at the end, one final newline. */
    static String normalize(String text) {
        String body = text.replace("\r\n", "\n").replace('\r', '\n').lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
        return body.stripTrailing() + "\n";
    }
}
