package org.litmuslab.cli.results.render;

import java.util.function.Supplier;

/** The formats of {@code litmus summarize --format}. */
public enum Format {
    text(TextRenderer::new),
    md(MarkdownRenderer::new),
    csv(CsvRenderer::new),
    json(JsonRenderer::new),
    junit(JunitRenderer::new),
    html(HtmlRenderer::new);

    private final Supplier<Renderer> renderer;

    Format(Supplier<Renderer> renderer) {
        this.renderer = renderer;
    }

    public Renderer renderer() {
        return renderer.get();
    }
}
