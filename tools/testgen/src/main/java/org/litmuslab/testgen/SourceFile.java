package org.litmuslab.testgen;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param className the fully qualified class name, e.g. {@code org.litmuslab.counter.generated.plain.IntIncrement}
 * @param content   the file's text: UTF-8 when written, {@code \n} line ends, ending with a newline
 */
public record SourceFile(String className, String content) {

    public SourceFile {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(content, "content");
    }

    /** The path below a source root, e.g. {@code org/litmuslab/counter/generated/plain/IntIncrement.java}. */
    public String relativePath() {
        return className.replace('.', '/') + ".java";
    }

    public String packageName() {
        return className.substring(0, className.lastIndexOf('.'));
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
