package org.litmuslab.cli.jcstress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.litmuslab.cli.UserException;

/**
 * jcstress 0.16 command-line options as (name, value) pairs, so that options a user passes after {@code --} replace
 * the preset's options of the same name: jcstress itself refuses an option given twice.
 */
public final class JcstressArgs {

    /** jcstress 0.16 options that always take a value (which may start with '-', e.g. -jvmArgs "-Xint"). */
    private static final Set<String> WITH_VALUE = Set.of("-c", "-hs", "-iters", "-jvmArgs", "-jvmArgsPrepend", "-m",
            "-p", "-r", "-spinStyle", "-strideCount", "-strideSize", "-t", "-time");

    /** Options litmus sets itself, with the litmus option to use instead. */
    private static final List<String[]> RESERVED = List.of(new String[] {"-t", "--tests"},
            new String[] {"-r", "--out"});

    private JcstressArgs() {
    }

    /** One option with its value, if any. */
    record Option(String name, String value) {
        void addTo(List<String> args) {
            args.add(name);
            if (value != null) {
                args.add(value);
            }
        }
    }

    static List<Option> parse(List<String> args) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!isOption(a)) {
                throw new UserException("jcstress argument '" + a + "' after -- is not an option "
                        + "(jcstress options start with '-', e.g. -- -time 500)");
            }
            String value = null;
            if (i + 1 < args.size() && (WITH_VALUE.contains(a) || !isOption(args.get(i + 1)))) {
                value = args.get(++i);
            } else if (WITH_VALUE.contains(a)) {
                throw new UserException("jcstress option " + a + " after -- needs a value");
            }
            options.add(new Option(a, value));
        }
        return options;
    }

    /** The names of the options in a jcstress argument list. */
    public static Set<String> names(List<String> args) {
        Set<String> names = new LinkedHashSet<>();
        parse(args).forEach(o -> names.add(o.name()));
        return names;
    }

    /**
     * The preset's arguments with every option the user also gives replaced by the user's, user options last.
     * Options litmus owns ({@code -t}, {@code -r}) are refused with the litmus option to use.
     */
    public static List<String> merge(List<String> preset, List<String> user) {
        List<Option> users = parse(user);
        for (Option o : users) {
            for (String[] r : RESERVED) {
                if (o.name().equals(r[0])) {
                    throw new UserException("jcstress option " + r[0] + " after -- is set by litmus; use " + r[1]);
                }
            }
        }
        Set<String> overridden = new LinkedHashSet<>();
        users.forEach(o -> overridden.add(o.name()));
        List<String> merged = new ArrayList<>();
        for (Option o : parse(preset)) {
            if (!overridden.contains(o.name())) {
                o.addTo(merged);
            }
        }
        users.forEach(o -> o.addTo(merged));
        return merged;
    }

    /** The value of jcstress's {@code -c} (CPUs to use), if given: tests with more actors than that do not run. */
    public static java.util.Optional<Integer> cpus(List<String> args) {
        java.util.Optional<Integer> cpus = java.util.Optional.empty();
        for (Option o : parse(args)) {
            if (o.name().equals("-c")) {
                try {
                    cpus = java.util.Optional.of(Integer.parseInt(o.value()));
                } catch (NumberFormatException e) {
                    throw new UserException("jcstress option -c after -- needs a number of CPUs, not '" + o.value() + "'");
                }
            }
        }
        return cpus;
    }

    private static boolean isOption(String a) {
        return a.length() > 1 && a.charAt(0) == '-' && Character.isLetter(a.charAt(1));
    }
}
