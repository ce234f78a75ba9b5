package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Supplier;

import org.litmuslab.cli.results.Comparison;

/** The formats of {@code litmus compare --format}. */
public enum CompareFormat {
    text(CompareText::new),
    md(CompareMarkdown::new),
    json(CompareJson::new),
    html(CompareHtml::new);

    /** Writes a comparison in one format. */
    public interface Renderer {
        void render(Comparison c, Writer out) throws IOException;
    }

    private final Supplier<Renderer> renderer;

    CompareFormat(Supplier<Renderer> renderer) {
        this.renderer = renderer;
    }

    public Renderer renderer() {
        return renderer.get();
    }
}
