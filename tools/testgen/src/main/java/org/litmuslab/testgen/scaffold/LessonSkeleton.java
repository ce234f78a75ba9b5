package org.litmuslab.testgen.scaffold;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.litmuslab.testgen.Templates;

/**
 * The skeleton of a new lesson, as {@code litmus new} writes it: the lesson layout of ../shared/STYLE.md §1 (how to
 * run, explanation, result table, one variant with annotations, state and actors) with TODOs where the teacher
 * writes.
 *
 * <p>How the placeholders are kept honest: the skeleton compiles and passes the conventions check as written (its
 * {@code @Description} and outcome descriptions are TODO sentences, its {@code @Ref} points at JLS chapter 17), but
 * every outcome is graded FORBIDDEN, including the catch-all. So the first run of an unfinished lesson (the sanity
 * run of {@code mvn verify} included) fails on it, until the teacher grades the outcomes it really produces.
 */
public final class LessonSkeleton {
    /** The test modules, {@code tests-<module>}, and the topic of their lessons. */
    public static final List<String> MODULES = List.of("counter", "deadlock", "visibility");
    /** The lesson part of a name, as the conventions check wants it (UpperCamelCase, letters and digits). */
    public static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** The result columns jcstress has: boolean, byte, short, char, int, long, float, double, Object. */
    public static final Pattern RESULT_TYPE = Pattern.compile("[ZBSCIJFDL]{1,8}");
    public static final int MAX_ACTORS = 4;
    public static final String TEMPLATE = "lesson.java.mustache";

    /**
     * What to scaffold.
     *
     * @param module      counter, deadlock or visibility
     * @param number      the lesson number, 1..99
     * @param name        the lesson name, e.g. {@code LostUpdate}
     * @param actors      the number of actors (1 for Termination mode)
     * @param resultType  the result columns, e.g. {@code II} for {@code II_Result}; null in Termination mode
     * @param termination Termination mode: one actor, a {@code @Signal}, outcomes TERMINATED and STALE
     */
    public record Spec(String module, int number, String name, int actors, String resultType, boolean termination) {
        public Spec {
            if (!MODULES.contains(module)) {
                throw new IllegalArgumentException("unknown module '" + module + "'; use one of " + String.join(", ", MODULES));
            }
            nameProblem(name).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            if (number < 1 || number > 99) {
                throw new IllegalArgumentException("lesson numbers run from 01 to 99, not " + number);
            }
            if (termination) {
                if (actors != 1) {
                    throw new IllegalArgumentException("a Termination test has exactly one actor (and a @Signal), not " + actors);
                }
                if (resultType != null) {
                    throw new IllegalArgumentException("a Termination test has no result type: its outcomes are TERMINATED and STALE");
                }
            } else {
                if (actors < 1 || actors > MAX_ACTORS) {
                    throw new IllegalArgumentException("--actors must be 1 to " + MAX_ACTORS + ", not " + actors);
                }
                if (resultType == null || !RESULT_TYPE.matcher(resultType).matches()) {
                    throw new IllegalArgumentException("unknown result type '" + resultType + "'");
                }
            }
        }

        /** The lesson class, e.g. {@code Counter_02_TornRead}. */
        public String className() {
            return topic(module) + "_" + String.format(Locale.ROOT, "%02d", number) + "_" + name;
        }

        /** The variant the skeleton has. */
        public String variant() {
            return termination ? "Broken" : "Racy";
        }

        /** The file below the project root, e.g. {@code tests-counter/src/main/java/org/litmuslab/counter/Counter_02_X.java}. */
        public String relativePath() {
            return sourceDir(module) + "/" + className() + ".java";
        }
    }

    private LessonSkeleton() {
    }

    /** The lesson topic of a module, e.g. {@code Counter}. */
    public static String topic(String module) {
        return module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1);
    }

    /** The lessons' source directory below the project root. */
    public static String sourceDir(String module) {
        return "tests-" + module + "/src/main/java/org/litmuslab/" + module;
    }

    /** Why a lesson name is refused, or empty when it is fine. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.of("--name '" + name + "' is not a Java identifier in UpperCamelCase (letters and digits, "
                    + "first an upper-case letter), e.g. LostUpdate");
        }
        return Optional.empty();
    }

    private static Pattern lessonFile(String module) {
        return Pattern.compile(Pattern.quote(topic(module)) + "_(\\d{2})_([A-Za-z0-9]+)\\.java");
    }

    /** The number after the highest lesson number among these file names (1 when there is none). */
    public static int nextNumber(String module, Collection<String> fileNames) {
        Pattern p = lessonFile(module);
        int max = 0;
        for (String f : fileNames) {
            Matcher m = p.matcher(f);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max + 1;
    }

    /** The number of an existing lesson with this name among these file names, if there is one. */
    public static Optional<Integer> existingNumber(String module, String name, Collection<String> fileNames) {
        Pattern p = lessonFile(module);
        return fileNames.stream().map(p::matcher).filter(Matcher::matches).filter(m -> m.group(2).equals(name))
                .map(m -> Integer.parseInt(m.group(1))).sorted().findFirst();
    }

    /** The skeleton's source text. */
    public static String render(Spec spec, Templates templates) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("module", spec.module());
        v.put("className", spec.className());
        v.put("variant", spec.variant());
        v.put("termination", spec.termination());
        List<Map<String, String>> outcomes = new ArrayList<>();
        List<Map<String, String>> actors = new ArrayList<>();
        if (spec.termination()) {
            outcomes.add(outcome("TERMINATED", "TODO: actor1 returned after the signal; grade it."));
            outcomes.add(outcome("STALE", "TODO: actor1 did not return after the signal; grade it."));
        } else {
            String type = spec.resultType() + "_Result";
            v.put("resultType", type);
            int columns = spec.resultType().length();
            outcomes.add(outcome(exampleId(spec.resultType()), "TODO: what this result means; grade it."));
            outcomes.add(outcome(null, "TODO: why no other result can occur; keep it FORBIDDEN."));
            for (int i = 1; i <= spec.actors(); i++) {
                String record = i <= columns ? "r.r" + i : (columns == 1 ? "r.r1" : "one of r.r1 to r.r" + columns);
                actors.add(Map.of("name", "actor" + i,
                        "todo", "actor" + i + "'s accesses; record what it reads in " + record));
            }
        }
        int width = outcomes.stream().filter(o -> !o.get("id").isEmpty()).mapToInt(o -> o.get("id").length())
                .max().orElse(0);
        for (Map<String, String> o : outcomes) {
            o.put("idColumn", o.get("id") + " ".repeat(width - o.get("id").length()));
        }
        v.put("outcomes", outcomes);
        v.put("actors", actors);
        return templates.render(TEMPLATE, v);
    }

    private static Map<String, String> outcome(String id, String desc) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("id", id == null ? "" : "id = \"" + id + "\", ");
        o.put("desc", desc);
        return o;
    }

    /** The result of actors that record nothing: every column's default, e.g. {@code 0, 0} for II. */
    static String exampleId(String resultType) {
        List<String> parts = new ArrayList<>();
        for (char c : resultType.toCharArray()) {
            parts.add(switch (c) {
                case 'Z' -> "false";
                case 'F', 'D' -> "0.0";
                case 'L' -> "null";
                case 'C' -> "\\u0000";
                default -> "0";
            });
        }
        return String.join(", ", parts);
    }
}
