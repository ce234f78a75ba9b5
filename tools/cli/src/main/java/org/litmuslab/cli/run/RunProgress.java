package org.litmuslab.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import org.litmuslab.cli.jcstress.ConsoleParser;

import picocli.CommandLine.Help.Ansi;

/**
 * The progress of a {@code litmus run}, followed from jcstress's console: tests done of total, the test that just
 * reported, elapsed time and ETA, and how many tests showed an interesting or a forbidden outcome so far.
 *
 * <p>{@link Style#BAR} redraws one line in place (for a terminal); {@link Style#LINES} prints one plain line per
 * finished fork (for CI logs); {@link Style#NONE} prints nothing.
 */
public final class RunProgress implements ConsoleParser.Listener {

    /** How progress is shown. */
    public enum Style {
        /** A bar on a terminal when stdout is one, else plain lines. */
        AUTO,
        BAR,
        LINES,
        NONE;

        /** AUTO resolved against the real standard output. */
        public Style resolve() {
            if (this != AUTO) {
                return this;
            }
            return Ansi.AUTO.enabled() ? BAR : LINES;
        }
    }

    private static final int BAR_WIDTH = 12;

    private final PrintWriter out;
    private final Style style;
    private final int totalTests;
    private final int passes;
    private final LongSupplier nanoTime;
    private final long start;
    private final int columns;

    private int pass;
    private long passStart;
    /** Time from a pass's start to its first result: jcstress's start-up, paid again by every pass. */
    private long startupNanos = -1;
    private long lastResultInPass = -1;
    /** Time between consecutive results of a pass, summed, and how many such gaps: the cost of a fork. */
    private long forkNanos;
    private long forkGaps;
    private long plannedPerPass;
    private long doneBeforePass;
    private long doneInPass;
    /** Forks per test in the current pass. */
    private final Map<String, Integer> forksByTest = new HashMap<>();
    /** The most tests a finished pass completed: each of them ran under that pass's configurations. */
    private int bestPassDone;
    private final Set<String> interesting = new TreeSet<>();
    private final Set<String> forbidden = new TreeSet<>();
    private final Set<String> errors = new TreeSet<>();
    private String current = "";
    private boolean barShown;
    /** In LINES style a fork's line waits for jcstress's counters, printed just after the fork's result. */
    private ConsoleParser.ForkResult pending;

    /**
     * @param totalTests the tests jcstress will run (selected and runnable here)
     * @param passes     how many jcstress invocations run them all (each runs every test)
     */
    public RunProgress(PrintWriter out, Style style, int totalTests, int passes, LongSupplier nanoTime) {
        this.out = out;
        this.style = style.resolve();
        this.totalTests = totalTests;
        this.passes = Math.max(1, passes);
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.columns = columns();
    }

    public RunProgress(PrintWriter out, Style style, int totalTests, int passes) {
        this(out, style, totalTests, passes, System::nanoTime);
    }

    private java.util.concurrent.ScheduledExecutorService ticker;

    /** In BAR style, redraws the bar every second so the clock moves while jcstress starts or a fork runs. */
    public synchronized void startTicker() {
        if (style != Style.BAR || ticker != null) {
            return;
        }
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "litmus-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            synchronized (this) {
                if (ticker != null) {
                    drawBar();
                }
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A new jcstress invocation starts; {@code label} says which JVM configuration it runs. */
    public synchronized void pass(int number, String label) {
        printPending();
        bestPassDone = Math.max(bestPassDone, testsDone());
        forksByTest.clear();
        doneBeforePass += doneInPass;
        doneInPass = 0;
        pass = number;
        passStart = nanoTime.getAsLong();
        lastResultInPass = -1;
        current = "(starting jcstress)";
        if (style == Style.LINES && passes > 1) {
            out.printf("litmus: pass %d of %d: %s%n", number, passes, label);
            out.flush();
        }
    }

    @Override
    public synchronized void counters(ConsoleParser.Counters c) {
        plannedPerPass = Math.max(plannedPerPass, c.planned());
        doneInPass = c.done();
        long now = nanoTime.getAsLong();
        if (lastResultInPass >= 0) {
            forkNanos += now - lastResultInPass;
            forkGaps++;
        }
        lastResultInPass = now;
        if (startupNanos < 0) {
            startupNanos = now - (pass == 0 ? start : passStart);
        }
        if (style == Style.BAR) {
            drawBar();
        }
        printPending();
    }

    @Override
    public synchronized void fork(ConsoleParser.ForkResult r) {
        forksByTest.merge(r.test(), 1, Integer::sum);
        current = r.test();
        if (r.interestingSamples() > 0) {
            interesting.add(r.test());
        }
        if (r.forbiddenSamples() > 0) {
            forbidden.add(r.test());
        }
        if (r.isError()) {
            errors.add(r.test());
        }
        if (style == Style.LINES) {
            printPending();
            pending = r;
        } else if (style == Style.BAR) {
            drawBar();
        }
    }

    private void printPending() {
        ConsoleParser.ForkResult r = pending;
        pending = null;
        if (r != null) {
            StringBuilder line = new StringBuilder();
            line.append(String.format("[%" + digits(totalTests) + "d/%d tests %s", testsDone(), totalTests,
                    clock(elapsed())));
            eta().ifPresent(e -> line.append(" ETA ").append(clock(e)));
            line.append("] ").append(String.format("%-8s", r.status())).append(' ').append(shortName(r.test()));
            if (r.interestingSamples() > 0) {
                line.append("  interesting ").append(String.join(" | ", r.interestingIds()));
            }
            if (r.forbiddenSamples() > 0) {
                line.append("  FORBIDDEN ").append(String.join(" | ", r.forbiddenIds()));
            }
            out.println(line);
            out.flush();
        }
    }

    /** Clears the bar and prints the closing line. */
    /** Stops the BAR style's redrawing, if it runs. */
    public synchronized void stopTicker() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    public synchronized void finish(boolean interrupted) {
        stopTicker();
        if (style == Style.NONE) {
            return;
        }
        printPending();
        if (barShown) {
            out.print("\r\033[K");
        }
        out.printf("litmus: %s %d of %d tests in %s: %d showed an interesting outcome, %d a forbidden one, %d an error%n",
                interrupted ? "interrupted after" : "ran", Math.max(bestPassDone, testsDone()), totalTests, clock(elapsed()),
                interesting.size(), forbidden.size(), errors.size());
        out.flush();
    }

    public synchronized Set<String> testsWithInteresting() {
        return Set.copyOf(interesting);
    }

    public synchronized Set<String> testsWithForbidden() {
        return Set.copyOf(forbidden);
    }

    /** Tests whose every planned fork of the current pass reported. */
    public synchronized int testsDone() {
        long perTest = plannedPerPass > 0 && plannedPerPass % Math.max(1, totalTests) == 0
                ? plannedPerPass / Math.max(1, totalTests) : 0;
        if (perTest == 0) {
            return 0; // not known yet (no counters) or tests of unequal fork counts
        }
        return (int) forksByTest.values().stream().filter(n -> n >= perTest).count();
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /** Forks left times the time per fork seen so far, plus the jcstress start-ups still to come. */
    private java.util.Optional<Duration> eta() {
        long done = doneBeforePass + doneInPass;
        long total = plannedPerPass * passes;
        if (forkGaps == 0 || total == 0) {
            return java.util.Optional.empty();
        }
        long startup = Math.max(0, startupNanos);
        long startupLeft = Math.max(0, passes - Math.max(1, pass)) * startup;
        if (lastResultInPass < 0) { // this pass's jcstress is still starting
            startupLeft += Math.max(0, startup - (nanoTime.getAsLong() - passStart));
        }
        return java.util.Optional.of(Duration.ofNanos(forkNanos / forkGaps * (total - done) + startupLeft));
    }

    private void drawBar() {
        long done = doneBeforePass + doneInPass;
        long total = Math.max(1, plannedPerPass * passes);
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
        StringBuilder plain = new StringBuilder();
        plain.append(passes > 1 ? String.format(" pass %d/%d", pass, passes) : "");
        plain.append(String.format(" %d/%d tests  %s", testsDone(), totalTests, clock(elapsed())));
        eta().ifPresent(e -> plain.append(" ETA ").append(clock(e)));
        String counts = String.format("  interesting %d  forbidden %d", interesting.size(), forbidden.size());
        String name = shortName(current);
        int room = columns - 1 - (BAR_WIDTH + 2) - plain.length() - counts.length() - 2;
        if (room < name.length()) {
            name = room > 4 ? "…" + name.substring(name.length() - room + 1) : "";
        }
        String bar = "[" + "=".repeat(filled) + (filled < BAR_WIDTH ? ">" : "")
                + " ".repeat(Math.max(0, BAR_WIDTH - filled - 1)) + "]";
        String colouredCounts = Ansi.AUTO.string(String.format("  @|%s interesting %d|@  @|%s forbidden %d|@",
                interesting.isEmpty() ? "faint" : "yellow", interesting.size(),
                forbidden.isEmpty() ? "faint" : "red,bold", forbidden.size()));
        out.print("\r" + bar + plain + colouredCounts + "  " + name + "\033[K");
        out.flush();
        barShown = true;
    }

    static String shortName(String test) {
        return test.startsWith("org.litmuslab.") ? test.substring("org.litmuslab.".length()) : test;
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }

    private static int columns() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100"));
            return c >= 40 ? c : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
