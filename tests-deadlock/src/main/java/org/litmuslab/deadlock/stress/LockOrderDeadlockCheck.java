package org.litmuslab.deadlock.stress;

import java.io.PrintStream;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The seed-style deadlock check, ported to Java: two threads take two locks in opposite orders, each sleeping 100 ms
 * while it holds its first lock; the main thread joins each for at most 1 s and reports "potential deadlock detected"
 * when a thread is still alive. It then asks {@link ThreadMXBean#findDeadlockedThreads()} for the actual cycle and
 * prints which thread holds which lock and waits for which.
 *
 * <pre>
 * java -cp tests-deadlock/target/jcstress.jar org.litmuslab.deadlock.stress.LockOrderDeadlockCheck
 *     [--trials N] [--sleep-ms MS] [--join-ms MS]
 * </pre>
 *
 * <p>Exit status: 0 when no trial deadlocked, 1 when at least one did, 2 for bad arguments. The worker threads are
 * daemons, so deadlocked ones never keep the JVM alive: the program always exits on its own.
 *
 * <p>The 100 ms sleep holds the deadlock window open by force, so every trial deadlocks, at a price of at least
 * 100 ms per trial and the full join timeout per deadlock. Without it ({@code --sleep-ms 0}) the two threads hardly
 * ever overlap, because starting a thread takes far longer than taking two locks; the litmus form,
 * {@code Deadlock_01_LockOrderInversion.Inverted}, measures how often the window opens without any sleep. Figures
 * from this machine (x86_64, 2 CPUs, JDK 17.0.15):
 *
 * <pre>
 * --trials 5                          5 of 5 trials deadlocked (sleep 100 ms, join timeout 1000 ms), 10298 ms in total
 * --trials 10000 --sleep-ms 0         0 of 10000 trials deadlocked (sleep 0 ms, join timeout 1000 ms), 5129 ms in total
 * --trials 100000 --sleep-ms 0        1 of 100000 trials deadlocked (sleep 0 ms, join timeout 1000 ms), 55457 ms in total
 * </pre>
 *
 * <p>(load average ~14 from other jobs.) With the sleep: certain, about 2 s per deadlocked trial (two joins of 1 s).
 * Without it: one deadlock in 100,000 trials, because each trial spends most of its time starting threads. The
 * litmus test, whose actors run back to back on already-started threads, saw its "deadlock" outcome in 1.63% of
 * 6.7 million trials in one {@code -m quick} run.
 */
public final class LockOrderDeadlockCheck {

    /** A plain object used as a monitor; named so that the report can say "lock A" instead of a hash code. */
    public static final class NamedLock {
        private final String name;

        NamedLock(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final int trials;
    private final long sleepMs;
    private final long joinMs;
    private final PrintStream out;

    public LockOrderDeadlockCheck(int trials, long sleepMs, long joinMs, PrintStream out) {
        this.trials = trials;
        this.sleepMs = sleepMs;
        this.joinMs = joinMs;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        int trials = 1;
        long sleepMs = 100;
        long joinMs = 1000;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--trials" -> trials = positive(args[i], value);
                    case "--sleep-ms" -> sleepMs = nonNegative(args[i], value);
                    case "--join-ms" -> joinMs = positive(args[i], value);
                    case "-h", "--help" -> {
                        System.out.println("usage: LockOrderDeadlockCheck [--trials N] [--sleep-ms MS] [--join-ms MS]");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; options: --trials N, --sleep-ms MS, --join-ms MS");
                }
                i++;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("LockOrderDeadlockCheck: " + e.getMessage());
            System.exit(2);
        }
        System.exit(new LockOrderDeadlockCheck(trials, sleepMs, joinMs, System.out).run());
    }

    private static int positive(String option, String value) {
        long v = nonNegative(option, value);
        if (v == 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
        }
        return (int) v;
    }

    private static long nonNegative(String option, String value) {
        try {
            long v = Long.parseLong(value == null ? "" : value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number >= 0, not '" + value + "'");
        }
    }

    /** Runs the trials and prints a report; returns the exit status (0 no deadlock, 1 deadlock seen). */
    public int run() throws InterruptedException {
        int deadlocked = 0;
        long start = System.nanoTime();
        for (int t = 1; t <= trials; t++) {
            if (trial(t)) {
                deadlocked++;
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        out.printf("%d of %d trials deadlocked (sleep %d ms, join timeout %d ms), %d ms in total%n",
                deadlocked, trials, sleepMs, joinMs, ms);
        return deadlocked > 0 ? 1 : 0;
    }

    /** One trial; returns whether it deadlocked. */
    boolean trial(int n) throws InterruptedException {
        NamedLock a = new NamedLock("lock A");
        NamedLock b = new NamedLock("lock B");
        Thread t1 = worker("trial-" + n + "-thread-1", a, b);
        Thread t2 = worker("trial-" + n + "-thread-2", b, a);
        t1.start();
        t2.start();
        t1.join(joinMs);
        t2.join(joinMs);
        List<Thread> alive = new ArrayList<>();
        for (Thread t : List.of(t1, t2)) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        if (alive.isEmpty()) {
            return false;
        }
        out.printf("trial %d: potential deadlock detected: %s still alive after join(%d ms)%n", n,
                alive.stream().map(Thread::getName).collect(Collectors.joining(" and ")), joinMs);
        printCycle(Set.of(t1.getId(), t2.getId()), Map.of(System.identityHashCode(a), a.toString(),
                System.identityHashCode(b), b.toString()));
        return true;
    }

    private Thread worker(String name, Object first, Object second) {
        Thread t = new Thread(() -> {
            synchronized (first) {
                sleep(sleepMs);
                synchronized (second) {
                    // the work would go here
                    second.hashCode();
                }
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long ms) {
        if (ms == 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the deadlock cycle ThreadMXBean finds among the given threads. */
    private void printCycle(Set<Long> ours, Map<Integer, String> lockNames) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.isSynchronizerUsageSupported() ? mx.findDeadlockedThreads() : mx.findMonitorDeadlockedThreads();
        long[] mine = ids == null ? new long[0] : Arrays.stream(ids).filter(ours::contains).toArray();
        if (mine.length == 0) {
            out.println("  ThreadMXBean finds no deadlock cycle among them (slow, not deadlocked)");
            return;
        }
        out.println("  ThreadMXBean.findDeadlockedThreads() reports the cycle:");
        for (ThreadInfo info : mx.getThreadInfo(mine, true, true)) {
            if (info == null) {
                continue;
            }
            String held = Arrays.stream(info.getLockedMonitors())
                    .map(m -> name(m, lockNames))
                    .collect(Collectors.joining(", "));
            out.printf("    \"%s\" (%s) holds %s and waits for %s, held by \"%s\"%n", info.getThreadName(),
                    info.getThreadState(), held.isEmpty() ? "nothing" : held, name(info.getLockInfo(), lockNames),
                    info.getLockOwnerName());
        }
    }

    private static String name(LockInfo lock, Map<Integer, String> lockNames) {
        if (lock == null) {
            return "nothing";
        }
        String name = lockNames.get(lock.getIdentityHashCode());
        return name != null ? name : lock.toString();
    }
}
