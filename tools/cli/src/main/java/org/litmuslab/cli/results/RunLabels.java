package org.litmuslab.cli.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.litmuslab.cli.UserException;

/** The column headings of {@code litmus compare}: given with {@code --labels}, or made from each dump's machine. */
public final class RunLabels {

    private RunLabels() {
    }

    /**
     * Labels from the runs' machines: CPU architecture and JDK feature release ({@code x86_64 JDK17}); where two
     * runs share one, the OS is added, then the full JDK version, then {@code #1}, {@code #2}, ... in run order.
     */
    public static List<String> defaults(List<Summary> runs) {
        List<String> labels = describe(runs, e -> arch(e) + " JDK" + feature(e.jdk()));
        labels = refine(labels, runs, e -> e.os().replaceFirst(" [^ ]*$", ""));
        labels = refine(labels, runs, RunEnvironment::jdk);
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(labels.size());
        for (String l : labels) {
            if (count(labels, l) > 1) {
                out.add(l + " #" + seen.merge(l, 1, Integer::sum));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** The labels of {@code --labels a,b,...}: one per dump, none blank, no two alike. */
    public static List<String> given(List<String> given, int dumps) {
        if (given.size() != dumps) {
            throw new UserException("--labels names " + given.size() + (given.size() == 1 ? " run" : " runs")
                    + " but " + dumps + " dumps were given; give one label per dump, in the same order");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String l : given) {
            String s = l.strip();
            if (s.isEmpty()) {
                throw new UserException("--labels has an empty label; give one label per dump, e.g. --labels a,b");
            }
            if (!unique.add(s)) {
                throw new UserException("--labels names '" + s + "' twice; each run needs its own label");
            }
        }
        return List.copyOf(unique);
    }

    /** {@code x86_64} for the JVM's {@code amd64} (the same instruction set; macOS JVMs say {@code x86_64}). */
    static String arch(RunEnvironment e) {
        String a = e.arch().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86-64", "x64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    /** The feature release of a {@code java.version}: {@code 17} of {@code 17.0.15}, {@code 8} of {@code 1.8.0_402}. */
    static String feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? version : v.substring(0, end);
    }

    private static List<String> describe(List<Summary> runs, Function<RunEnvironment, String> f) {
        List<String> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Set<String> parts = new LinkedHashSet<>();
            runs.get(i).environments().forEach(e -> parts.add(f.apply(e)));
            out.add(parts.isEmpty() ? "run " + (i + 1) : String.join(" + ", parts));
        }
        return out;
    }

    /** Adds a detail to the labels that are not unique, where it tells them apart. */
    private static List<String> refine(List<String> labels, List<Summary> runs, Function<RunEnvironment, String> f) {
        List<String> detail = describe(runs, f);
        List<String> out = new ArrayList<>(labels);
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            if (count(labels, l) < 2) {
                continue;
            }
            Set<String> details = new LinkedHashSet<>();
            for (int j = 0; j < labels.size(); j++) {
                if (labels.get(j).equals(l)) {
                    details.add(detail.get(j));
                }
            }
            if (details.size() > 1) {
                out.set(i, l + " " + detail.get(i));
            }
        }
        return out;
    }

    private static int count(List<String> labels, String l) {
        int n = 0;
        for (String s : labels) {
            if (s.equals(l)) {
                n++;
            }
        }
        return n;
    }
}
