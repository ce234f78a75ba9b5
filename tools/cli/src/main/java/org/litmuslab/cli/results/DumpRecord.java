package org.litmuslab.cli.results;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.CPUMap;
import org.openjdk.jcstress.util.Counter;
import org.openjdk.jcstress.util.Environment;

/**
 * One jcstress {@link TestResult} from a dump (one fork of one test under one configuration), checked and copied into
 * plain values. A forged dump can put anything the allow-list admits into any field (nulls, lists of lists, an
 * outcome table whose sizes disagree); {@link #of} refuses all of that, so nothing downstream meets it.
 *
 * @param test        the test's name, e.g. {@code org.litmuslab.counter.Counter_01_LostUpdate.Racy}
 * @param config      the JVM configuration, with jcstress's notion of "the same configuration"
 * @param forkId      the fork number within that configuration (0-based)
 * @param status      jcstress's status of the fork (NORMAL, or an error kind)
 * @param counts      samples per observed outcome id
 * @param messages    jcstress's messages (e.g. the stack trace of a test error)
 * @param vmOut       the fork's standard output
 * @param vmErr       the fork's standard error
 * @param environment the machine and JVM that ran it
 */
public record DumpRecord(String test, ConfigKey config, int forkId, Status status, Map<String, Long> counts,
                         List<String> messages, List<String> vmOut, List<String> vmErr,
                         RunEnvironment environment) {

    /** A result that no genuine jcstress 0.16 run writes. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private static final Field COUNTER_KEYS = field(Counter.class, "keys");
    private static final Field COUNTER_COUNTS = field(Counter.class, "counts");
    private static final Field CPUMAP_THREADS = field(CPUMap.class, "threadToRealCPU");

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("jcstress-core is not 0.16: " + owner.getName() + "." + name + " is missing", e);
        }
    }

    /** Checks a deserialized result and copies it out. */
    static DumpRecord of(TestResult r, Environments environments) throws Malformed {
        try {
            TestConfig c = r.getConfig();
            if (c == null) {
                throw new Malformed("it has no test configuration");
            }
            if (c.name == null || c.name.isBlank()) {
                throw new Malformed("it has no test name");
            }
            if (r.status() == null) {
                throw new Malformed("it has no status");
            }
            List<String> actors = strings(c.actorNames, "actor names");
            if (c.shClass == null) {
                throw new Malformed("it has no scheduling class");
            }
            ConfigKey key = new ConfigKey(c.compileMode, actors, c.shClass.toString(), strings(c.jvmArgs, "JVM arguments"),
                    String.valueOf(c.spinLoopStyle), c.time, c.iters, c.strideSize, c.strideCount);
            return new DumpRecord(c.name, key, c.forkId, r.status(), counts(r.getCounter()),
                    strings(r.getMessages(), "messages"), strings(r.getVmOut(), "VM output"),
                    strings(r.getVmErr(), "VM error output"),
                    environments.of(r.getEnv(), c.cpuMap));
        } catch (RuntimeException e) {
            // e.g. a scheduling class whose arrays are shorter than its actor count
            throw new Malformed(e.toString());
        }
    }

    private static Map<String, Long> counts(Counter<String> counter) throws Malformed {
        if (counter == null) {
            throw new Malformed("it has no outcome counts");
        }
        Object[] keys;
        long[] counts;
        try {
            keys = (Object[]) COUNTER_KEYS.get(counter);
            counts = (long[]) COUNTER_COUNTS.get(counter);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (keys == null || counts == null || keys.length != counts.length) {
            throw new Malformed("its outcome table is inconsistent");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i];
            if (k == null) {
                continue;
            }
            if (!(k instanceof String id)) {
                throw new Malformed("an outcome id is a " + k.getClass().getName() + ", not a string");
            }
            if (counts[i] < 0) {
                throw new Malformed("outcome '" + id + "' has a negative count");
            }
            if (out.putIfAbsent(id, counts[i]) != null) {
                throw new Malformed("outcome '" + id + "' appears twice");
            }
        }
        return out;
    }

    private static List<String> strings(List<?> list, String what) throws Malformed {
        if (list == null) {
            throw new Malformed("its " + what + " are missing");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new Malformed("its " + what + " hold a " + (o == null ? "null" : o.getClass().getName()));
            }
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Turns jcstress's per-result {@link Environment} into a shared {@link RunEnvironment}: a dump repeats the same
     * environment object until the stream resets, so each object is converted once, and equal values are shared.
     */
    static final class Environments {
        private final Map<Environment, Map<Integer, RunEnvironment>> byObject = new java.util.IdentityHashMap<>();
        private final Map<RunEnvironment, RunEnvironment> distinct = new java.util.HashMap<>();

        RunEnvironment of(Environment env, CPUMap cpuMap) throws Malformed {
            int cpus = cpus(cpuMap);
            Map<Integer, RunEnvironment> perCpus = byObject.get(env);
            RunEnvironment known = perCpus == null ? null : perCpus.get(cpus);
            if (known != null) {
                return known;
            }
            RunEnvironment shared = distinct.computeIfAbsent(new RunEnvironment(properties(env), cpus), x -> x);
            if (byObject.size() > 10_000) {
                byObject.clear(); // it keeps the objects alive; a genuine dump has one per stream reset
            }
            byObject.computeIfAbsent(env, k -> new java.util.HashMap<>()).put(cpus, shared);
            return shared;
        }
    }

    private static Map<String, String> properties(Environment env) throws Malformed {
        Map<String, String> props = new TreeMap<>();
        if (env != null) {
            Map<?, ?> entries = env.entries();
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() == null || e.getValue() instanceof String)) {
                    throw new Malformed("its environment holds something other than strings");
                }
                if (e.getValue() != null) {
                    props.put(k, (String) e.getValue());
                }
            }
        }
        return props;
    }

    /** The CPUs jcstress's scheduler saw: the length of the CPU map's thread-to-CPU table; 0 if unknown. */
    private static int cpus(CPUMap cpuMap) {
        if (cpuMap == null) {
            return 0;
        }
        try {
            int[] threads = (int[]) CPUMAP_THREADS.get(cpuMap);
            return threads == null ? 0 : threads.length;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
