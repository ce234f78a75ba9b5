package org.litmuslab.counter.stress;

import java.util.ArrayList;
import java.util.List;

/**
 * The locked version of {@link SeedStyleRacy}, as tutorials show it next to the racy one (in Python:
 * {@code with lock: counter += 1}): the same 100 threads x 1000 increments, each increment inside
 * {@code synchronized} on one shared lock. It always prints 100000.
 *
 * <p>Run it: {@code java -cp tests-counter/target/jcstress.jar org.litmuslab.counter.stress.SeedStyleLocked}.
 */
public final class SeedStyleLocked {
    public static final int THREADS = SeedStyleRacy.THREADS;
    public static final int INCREMENTS = SeedStyleRacy.INCREMENTS;
    public static final int EXPECTED = THREADS * INCREMENTS;

    private final Object lock = new Object();
    private int counter;

    private void increment() {
        for (int i = 0; i < INCREMENTS; i++) {
            synchronized (lock) {
                counter++;
            }
        }
    }

    /** One run of the program: starts the threads, joins them, and returns the final count. */
    public static int trial() throws InterruptedException {
        SeedStyleLocked shared = new SeedStyleLocked();
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
        return shared.counter;
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
