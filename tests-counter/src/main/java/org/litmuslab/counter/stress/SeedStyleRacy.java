package org.litmuslab.counter.stress;

import java.util.ArrayList;
import java.util.List;

/**
 * The usual "start 100 threads and hope" test of a shared counter, ported as it is found in tutorials (typically in
 * Python: a global {@code counter}, a function adding one to it 1000 times, 100 threads started, joined, and the
 * total printed or asserted to be 100000). Same shape here: a plain {@code int} field, 100 threads each running
 * 1000 {@code counter++}, {@code start()} all, {@code join()} all, check the total. Nothing added to make the race
 * more or less likely.
 *
 * <p>Run it: {@code java -cp tests-counter/target/jcstress.jar org.litmuslab.counter.stress.SeedStyleRacy}. It exits
 * with 1 when the total is wrong, as the tutorial's assert would fail. {@code litmus bench detection} runs it
 * repeatedly and compares how often it catches the lost update with the jcstress test
 * {@code Counter_01_LostUpdate.Racy}; {@code Counter_09_SeedStyle} explains the difference.
 */
public final class SeedStyleRacy {
    public static final int THREADS = 100;
    public static final int INCREMENTS = 1000;
    public static final int EXPECTED = THREADS * INCREMENTS;

    /** The shared counter: a plain field, as the tutorial's global variable. */
    private int counter;

    private void increment() {
        for (int i = 0; i < INCREMENTS; i++) {
            counter++;
        }
    }

    /** One run of the program: starts the threads, joins them, and returns the final count. */
    public static int trial() throws InterruptedException {
        SeedStyleRacy shared = new SeedStyleRacy();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(new Thread(shared::increment));
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return shared.counter; // join() happens-before this read: every thread's last write is visible
    }

    public static void main(String[] args) throws InterruptedException {
        int total = trial();
        System.out.println("counter = " + total + ", expected " + EXPECTED);
        if (total != EXPECTED) {
            System.out.println("FAILED: " + (EXPECTED - total) + " increments lost");
            System.exit(1);
        }
    }
}
