package org.litmuslab.testgen;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values one generated test gives its template: the holes every template shares (banner, package, names,
 * {@code @Description}, {@code @Ref}, aligned {@code @Outcome} lines, imports, explanation) plus the family's own.
 * Built by a family for one matrix cell, rendered by {@link Templates}.
 */
public final class TestModel {
    private final String template;
    private final String className;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> javaImports = new TreeSet<>();

    /**
     * @param template  the template's file name under {@link Templates#ROOT}, e.g. {@code increment.java.mustache}
     * @param family    the class whose matrix produced the cell (named in the banner)
     * @param module    the Maven module the test lives in, e.g. {@code tests-counter}
     * @param className the fully qualified class name of the test
     */
    public TestModel(String template, Class<?> family, String module, String className) {
        this.template = Objects.requireNonNull(template);
        this.className = Objects.requireNonNull(className);
        int dot = className.lastIndexOf('.');
        values.put("template", Templates.sourcePath(template));
        values.put("family", family.getName());
        values.put("module", module);
        values.put("package", className.substring(0, dot));
        values.put("className", className.substring(dot + 1));
        values.put("testName", className);
    }

    /** One line for the HTML report; jcstress shows it next to the test's name. */
    public TestModel description(String description) {
        if (description.isBlank() || description.contains("\n") || description.contains("\"")) {
            throw new IllegalArgumentException("a description is one non-empty line without quotes: " + description);
        }
        return put("description", description);
    }

    public TestModel refs(List<String> refs) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException(className + ": a generated test needs at least one @Ref");
        }
        return put("refs", List.copyOf(refs));
    }

    /** The explanation comment, one list entry per line (already wrapped). */
    public TestModel explanation(String text) {
        return put("explanation", text.stripTrailing().lines().toList());
    }

    /** The {@code @Outcome} lines, with their {@code id} and {@code expect} columns aligned as in the lessons. */
    public TestModel outcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException(className + ": a generated test grades at least one outcome");
        }
        int idWidth = outcomes.stream().filter(o -> !o.isCatchAll())
                .mapToInt(o -> idColumn(o.id()).length()).max().orElse(0);
        int expectWidth = outcomes.stream().mapToInt(o -> o.grade().name().length() + 1).max().orElseThrow();
        List<Map<String, String>> lines = new ArrayList<>();
        Set<Grade> used = EnumSet.noneOf(Grade.class);
        for (Outcome o : outcomes) {
            String id = o.isCatchAll() ? "" : idColumn(o.id());
            lines.add(Map.of(
                    "idColumn", pad(id, idWidth),
                    "expectColumn", pad(o.grade().name() + ",", expectWidth),
                    "desc", o.desc()));
            used.add(o.grade());
        }
        put("outcomes", lines);
        return put("staticImports", used.stream().map(Grade::name).toList());
    }

    /** A class outside jcstress that the test uses, e.g. {@code java.lang.invoke.VarHandle}. */
    public TestModel javaImport(String qualifiedName) {
        javaImports.add(qualifiedName);
        return this;
    }

    public TestModel put(String key, Object value) {
        values.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /** Renders the test; fails when a hole every template needs was left unset. */
    public SourceFile render(Templates templates) {
        for (String required : List.of("description", "refs", "outcomes", "explanation")) {
            if (!values.containsKey(required)) {
                throw new IllegalStateException(className + ": no " + required + " set");
            }
        }
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("javaImports", List.copyOf(javaImports));
        all.put("hasJavaImports", !javaImports.isEmpty());
        return new SourceFile(className, templates.render(template, all));
    }

    private static String idColumn(String id) {
        return "id = \"" + id + "\", ";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
