package org.litmuslab.testgen;

import java.util.List;

/**
 * A family of generated tests: a template, a matrix (enums), a filter that decides which cells exist, and grading
 * rules that decide each cell's expectations.
 */
public interface Family {

    /** A short name, e.g. {@code increment}. */
    String name();

    /** The Maven module the family's tests are generated into, e.g. {@code tests-counter}. */
    String module();

    /** The template under {@link Templates#ROOT}. */
    String template();

    /** One source file per cell that exists, in matrix order. */
    List<SourceFile> generate(Templates templates);
}
