package org.litmuslab.cli.catalog;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;

/**
 * The project's conventions for a litmus test class (../shared/STYLE.md §1), checked by reflection so that a broken
 * lesson fails {@code mvn verify} with a message naming the class and the rule.
 */
public final class Conventions {

    /** One broken rule of one test class. */
    public record Violation(String testClass, String rule) {
        @Override
        public String toString() {
            return testClass + ": " + rule;
        }
    }

    /** Hand-written lessons: {@code <Topic>_<NN>_<Lesson>}, e.g. {@code Counter_01_LostUpdate}. */
    private static final Pattern LESSON_NAME = Pattern.compile("([A-Z][a-z]+)_(\\d{2})_([A-Z][A-Za-z0-9]*)");
    /** Characters that make an outcome id a regular expression rather than a literal we can check. */
    private static final Pattern REGEX_META = Pattern.compile("[\\[\\](){}|*+?\\\\^$]");
    /** The test modules; a lesson's topic must be the module it lives in. */
    public static final Set<String> TOPICS = Set.of("counter", "deadlock", "visibility");
    private static final Set<String> TERMINATION_IDS = Set.of("TERMINATED", "STALE");

    private Conventions() {
    }

    /** Every rule the class breaks; empty when it follows them all. */
    public static List<Violation> check(Class<?> test) {
        List<String> broken = new ArrayList<>();
        JCStressTest jcs = test.getAnnotation(JCStressTest.class);
        if (jcs == null) {
            return List.of(new Violation(test.getName(), "is not annotated @JCStressTest"));
        }
        Description d = test.getAnnotation(Description.class);
        if (d == null || d.value().isBlank()) {
            broken.add("has no @Description (one line, shown in the HTML report)");
        } else if (d.value().contains("\n")) {
            broken.add("@Description spans several lines; keep it to one");
        }
        if (test.getAnnotationsByType(Ref.class).length == 0) {
            broken.add("has no @Ref (JLS section, javadoc, paper or JEP that justifies the grades)");
        }
        Outcome[] outcomes = test.getAnnotationsByType(Outcome.class);
        if (outcomes.length == 0) {
            broken.add("grades no outcome: add @Outcome annotations");
        }
        String resultType = resultType(test);
        for (Outcome o : outcomes) {
            String shown = o.id().length == 0 ? "the catch-all @Outcome" : "@Outcome " + Arrays.toString(o.id());
            if (o.desc().isBlank()) {
                broken.add(shown + " has an empty desc");
            }
            boolean catchAll = o.id().length == 0 || Arrays.stream(o.id()).allMatch(String::isEmpty);
            if (catchAll && o.expect() == Expect.ACCEPTABLE) {
                broken.add("the catch-all @Outcome is ACCEPTABLE, which would hide a bug; grade it FORBIDDEN or list the outcomes");
            }
            for (String id : o.id()) {
                String why = impossibleId(id, jcs.value(), resultType);
                if (why != null) {
                    broken.add(shown + " can never occur: " + why);
                }
            }
        }
        checkName(test, broken);
        return broken.stream().map(rule -> new Violation(test.getName(), rule)).toList();
    }

    private static void checkName(Class<?> test, List<String> broken) {
        String pkg = test.getPackageName();
        if (pkg.contains(".generated")) {
            return; // generated families are named from their matrix cell, not as lessons
        }
        Class<?> lesson = test.getEnclosingClass();
        if (lesson == null) {
            broken.add("is not a variant nested in a lesson class <Topic>_<NN>_<Lesson>");
            return;
        }
        while (lesson.getEnclosingClass() != null) {
            lesson = lesson.getEnclosingClass();
        }
        var m = LESSON_NAME.matcher(lesson.getSimpleName());
        if (!m.matches()) {
            broken.add("lesson class " + lesson.getSimpleName() + " is not named <Topic>_<NN>_<Lesson>, e.g. Counter_01_LostUpdate");
            return;
        }
        String module = pkg.startsWith("org.litmuslab.") ? pkg.substring("org.litmuslab.".length()).split("\\.")[0] : "";
        if (TOPICS.contains(module) && !m.group(1).toLowerCase(Locale.ROOT).equals(module)) {
            broken.add("lesson " + lesson.getSimpleName() + " lives in module '" + module + "' but its topic is " + m.group(1));
        }
    }

    /** The simple name of the result class the test's actors or arbiter fill in, e.g. {@code II_Result}. */
    static String resultType(Class<?> test) {
        for (Method m : test.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Actor.class) || m.isAnnotationPresent(Arbiter.class)) {
                for (Class<?> p : m.getParameterTypes()) {
                    if (p.getPackageName().equals("org.openjdk.jcstress.infra.results")) {
                        return p.getSimpleName();
                    }
                }
            }
        }
        Class<?> sup = test.getSuperclass();
        return sup == null || sup == Object.class ? null : resultType(sup);
    }

    /** Why an outcome id can never be produced, or null when it can (or when we cannot tell). */
    static String impossibleId(String id, Mode mode, String resultType) {
        if (mode == Mode.Termination) {
            return TERMINATION_IDS.contains(id) ? null : "a Termination test only produces TERMINATED or STALE";
        }
        if (id.isEmpty() || resultType == null || REGEX_META.matcher(id).find() || !resultType.endsWith("_Result")) {
            return null;
        }
        String kinds = resultType.substring(0, resultType.length() - "_Result".length());
        String[] parts = id.split(", ", -1);
        if (parts.length != kinds.length()) {
            return resultType + " has " + kinds.length() + " value(s), the id has " + parts.length;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parses(kinds.charAt(i), parts[i])) {
                return "'" + parts[i] + "' is not a value of a " + typeName(kinds.charAt(i)) + " result column";
            }
        }
        return null;
    }

    private static boolean parses(char kind, String s) {
        try {
            switch (kind) {
                case 'Z' -> {
                    return s.equals("true") || s.equals("false");
                }
                case 'B' -> Byte.parseByte(s);
                case 'S' -> Short.parseShort(s);
                case 'C' -> {
                    return s.length() == 1;
                }
                case 'I' -> Integer.parseInt(s);
                case 'J' -> Long.parseLong(s);
                case 'F' -> Float.parseFloat(s);
                case 'D' -> Double.parseDouble(s);
                default -> {
                    return true; // L: any object's toString
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String typeName(char kind) {
        return switch (kind) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'S' -> "short";
            case 'C' -> "char";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> "object";
        };
    }
}
