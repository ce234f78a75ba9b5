package org.litmuslab.cli.jcstress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows jcstress 0.16's console, line by line, and reports each finished fork (one test under one JVM
 * configuration) and each progress line. Reads only what jcstress prints for users; the result dump stays the source
 * of truth for summaries. Needs jcstress's {@code -v}, which prints every fork's result, not only the interesting ones.
 *
 * <p>The blocks under {@code RUN RESULTS:} repeat the forks across configurations and are ignored.
 */
public final class ConsoleParser {

    /** One fork's result as the console showed it. */
    public record ForkResult(String test, String status, String jvmArgs, long samples, long interestingSamples,
                             long forbiddenSamples, List<String> interestingIds, List<String> forbiddenIds) {
        public ForkResult {
            interestingIds = List.copyOf(interestingIds);
            forbiddenIds = List.copyOf(forbiddenIds);
        }

        /** jcstress's label for a result without error: OK or FAILED. */
        public boolean isError() {
            return !status.equals("OK") && !status.equals("FAILED");
        }
    }

    /** jcstress's progress counters: {@code (Results: N planned; P passed, F failed, S soft errs, H hard errs)}. */
    public record Counters(long planned, long passed, long failed, long softErrors, long hardErrors) {
        public long done() {
            return passed + failed + softErrors + hardErrors;
        }
    }

    /** What the parser reports. */
    public interface Listener {
        default void fork(ForkResult result) {
        }

        default void counters(Counters counters) {
        }

        /** A line jcstress prints to say a test group cannot be scheduled, e.g. too few CPUs. */
        default void warning(String line) {
        }
    }

    static final Pattern HEADER = Pattern.compile("^\\.*\\s*\\[([A-Z][A-Z ]*)\\] (\\S+)\\s*$");
    static final Pattern ROW = Pattern.compile(
            "^\\s*(.*?)\\s+([\\d,]+)\\s+(<?[\\d.]+%)\\s+(Acceptable|Forbidden|Interesting|Unknown)\\s{2}(.*)$");
    static final Pattern COUNTERS = Pattern.compile(
            "^\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)\\s*$");
    static final Pattern JVM_ARGS = Pattern.compile("^\\s*JVM args: (.*)$");

    private final Listener listener;
    private boolean finalSection;

    private String test;
    private String status;
    private String jvmArgs;
    private long samples;
    private long interesting;
    private long forbidden;
    private final List<String> interestingIds = new ArrayList<>();
    private final List<String> forbiddenIds = new ArrayList<>();

    public ConsoleParser(Listener listener) {
        this.listener = listener;
    }

    /** A parser that reports only finished forks. */
    public static ConsoleParser forks(Consumer<ForkResult> forks) {
        return new ConsoleParser(new Listener() {
            @Override
            public void fork(ForkResult result) {
                forks.accept(result);
            }
        });
    }

    /** Feeds one console line (without its line end). */
    public void line(String line) {
        if (finalSection) {
            return;
        }
        if (line.startsWith("RUN RESULTS:")) {
            flush();
            finalSection = true;
            return;
        }
        if (line.contains("No scheduling is possible")) {
            listener.warning(line.trim());
            return;
        }
        Matcher m = HEADER.matcher(line);
        if (m.matches()) {
            flush();
            test = m.group(2);
            status = m.group(1);
            return;
        }
        m = COUNTERS.matcher(line);
        if (m.matches()) {
            flush();
            listener.counters(new Counters(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            return;
        }
        if (test == null) {
            return;
        }
        if (line.startsWith("(")) {
            // jcstress's progress block (ETA, sampling rate, JVMs, CPUs) ends a result block
            flush();
            return;
        }
        m = JVM_ARGS.matcher(line);
        if (m.matches()) {
            jvmArgs = m.group(1);
            return;
        }
        m = ROW.matcher(line);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2).replace(",", ""));
            samples += n;
            String id = m.group(1).trim();
            if (m.group(4).equals("Interesting") && n > 0) {
                interesting += n;
                interestingIds.add(id);
            } else if (m.group(4).equals("Forbidden") && n > 0) {
                forbidden += n;
                forbiddenIds.add(id);
            }
        }
    }

    /** Reports the block being read, if any; call at the end of the console. */
    public void flush() {
        if (test != null) {
            listener.fork(new ForkResult(test, status, jvmArgs == null ? "" : jvmArgs, samples, interesting, forbidden,
                    interestingIds, forbiddenIds));
        }
        test = null;
        status = null;
        jvmArgs = null;
        samples = 0;
        interesting = 0;
        forbidden = 0;
        interestingIds.clear();
        forbiddenIds.clear();
    }
}
