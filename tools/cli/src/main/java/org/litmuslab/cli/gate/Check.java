package org.litmuslab.cli.gate;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code --fail-on} can name. */
public enum Check {
    /** A FORBIDDEN outcome was observed. */
    FORBIDDEN("forbidden"),
    /** jcstress reported an error: a test error, TIMEOUT or VM error. */
    ERROR("error"),
    /** A racy variant claimed by {@code @ObservedOn} for the run's architecture did not show its interesting outcome. */
    UNSEEN_INTERESTING("unseen-interesting");

    private final String id;

    Check(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Parses {@code forbidden,error,unseen-interesting} (any subset, comma-separated). */
    public static Set<Check> parseList(String list) {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            Check found = null;
            for (Check c : values()) {
                if (c.id.equals(p)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new TypeConversionException("expected a comma-separated list of forbidden, error, "
                        + "unseen-interesting, not '" + part.trim() + "'");
            }
            checks.add(found);
        }
        if (checks.isEmpty()) {
            throw new TypeConversionException("expected at least one of forbidden, error, unseen-interesting");
        }
        return checks;
    }

    /** picocli's converter for {@code --fail-on}. */
    public static final class ListConverter implements ITypeConverter<Set<Check>> {
        @Override
        public Set<Check> convert(String value) {
            return parseList(value);
        }
    }
}
