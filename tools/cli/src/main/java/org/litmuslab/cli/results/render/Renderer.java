package org.litmuslab.cli.results.render;

import java.io.IOException;
import java.io.Writer;

import org.litmuslab.cli.results.Summary;

/** Writes a summary in one format. */
public interface Renderer {
    void render(Summary summary, By by, Writer out) throws IOException;
}
