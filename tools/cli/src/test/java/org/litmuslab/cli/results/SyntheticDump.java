package org.litmuslab.cli.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskWriteCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.AffinityMode;
import org.openjdk.jcstress.os.CPUMap;
import org.openjdk.jcstress.os.NodeType;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.util.TestLineWriter;
import org.openjdk.jcstress.vm.CompileMode;

/**
 * A large dump made with jcstress's own classes and its own writer ({@link DiskWriteCollector}, resets included), shaped
 * like a {@code -m quick} run on this machine: per test 28 configurations (two biased-locking settings x 9 split
 * compilation modes, plus 10 C2-stress forks with their own seeds), 2 actors, store-buffering outcomes. Also writes a
 * test jar whose {@code META-INF/TestList} grades them, so {@code --tests-jar} exercises real grading.
 *
 * <p>Used by the benchmark ({@code tools/cli/bench/summarize-bench.sh}) and by the limits test.
 * {@code java -cp litmus.jar:target/test-classes org.litmuslab.cli.results.SyntheticDump TESTS CONFIGS DUMP JAR}
 */
public final class SyntheticDump {

    private SyntheticDump() {
    }

    public static void main(String[] args) throws IOException {
        int tests = Integer.parseInt(args[0]);
        int configs = Integer.parseInt(args[1]);
        write(tests, configs, Path.of(args[2]));
        if (args.length > 3) {
            writeTestsJar(tests, Path.of(args[3]));
        }
    }

    public static String testName(int i) {
        return String.format("org.example.synthetic.Synthetic_%05d.Racy", i);
    }

    /** Writes the dump; returns the number of results written. */
    public static long write(int tests, int configsPerTest, Path dump) throws IOException {
        Options opts = new Options(new String[] {"-m", "quick"});
        opts.parse();
        Random random = new Random(42);
        List<String> actors = new ArrayList<>(List.of("actor1", "actor2")); // as jcstress's TestList makes them
        int[] modes = CompileMode.casesFor(2, true, true);
        SchedulingClass scl = new SchedulingClass(AffinityMode.LOCAL, 2, NodeType.PACKAGE);
        scl.setNode(0, 0);
        scl.setNode(1, 0);
        scl.setCore(0, 0);
        scl.setCore(1, 1);
        CPUMap cpuMap = new CPUMap(new int[] {0, 1}, new int[] {0, 1}, new int[0], new int[] {0, 0}, new int[] {0, 1},
                new int[] {0, 1}, NodeType.PACKAGE);
        DiskWriteCollector out = new DiskWriteCollector(dump.toString());
        long written = 0;
        try {
            for (int t = 0; t < tests; t++) {
                String name = testName(t);
                TestInfo info = new TestInfo(name, name.replace(".Racy", "$Racy"), name + "_jcstress", "synthetic",
                        2, actors, false);
                for (int c = 0; c < configsPerTest; c++) {
                    List<String> jvmArgs = new ArrayList<>();
                    jvmArgs.add(c % 2 == 0 ? "-XX:+UseBiasedLocking" : "-XX:-UseBiasedLocking");
                    int mode;
                    if (c < 18) {
                        mode = modes[(c / 2) % modes.length];
                    } else {
                        mode = modes[random.nextInt(modes.length)];
                        jvmArgs.addAll(List.of("-XX:+StressLCM", "-XX:+StressGCM", "-XX:+StressIGVN", "-XX:+StressCCP",
                                "-XX:StressSeed=" + random.nextInt(Integer.MAX_VALUE)));
                    }
                    TestConfig config = new TestConfig(opts, info, 0, jvmArgs, mode, scl);
                    config.setCPUMap(cpuMap);
                    TestResult r = new TestResult(Status.NORMAL);
                    r.setConfig(config);
                    r.addState("0, 0", random.nextInt(1000));
                    r.addState("0, 1", 1_000_000 + random.nextInt(10_000_000));
                    r.addState("1, 0", 1_000_000 + random.nextInt(10_000_000));
                    r.addState("1, 1", random.nextInt(100_000));
                    out.add(r);
                    written++;
                }
            }
        } finally {
            out.close();
        }
        return written;
    }

    /** A jar holding only a TestList that grades the synthetic tests as a racy store-buffering lesson. */
    public static void writeTestsJar(int tests, Path jar) throws IOException {
        StringBuilder list = new StringBuilder();
        for (int t = 0; t < tests; t++) {
            String name = testName(t);
            TestLineWriter w = new TestLineWriter();
            w.put(name);
            w.put(name.replace(".Racy", "$Racy"));
            w.put(name + "_jcstress");
            w.put("Synthetic store buffering " + t + ".");
            w.put(2);
            w.put("actor1");
            w.put("actor2");
            w.put(false);
            w.put(4);
            outcome(w, Expect.ACCEPTABLE_INTERESTING, "Both reads missed.", "0, 0");
            outcome(w, Expect.ACCEPTABLE, "actor1 first.", "0, 1");
            outcome(w, Expect.ACCEPTABLE, "actor2 first.", "1, 0");
            outcome(w, Expect.ACCEPTABLE, "Interleaved.", "1, 1");
            w.put(1);
            w.put("https://docs.oracle.com/javase/specs/jls/se17/html/jls-17.html#jls-17.4");
            list.append(w.get()).append('\n');
        }
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os)) {
            jos.putNextEntry(new JarEntry("META-INF/TestList"));
            jos.write(list.toString().getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
    }

    private static void outcome(TestLineWriter w, Expect expect, String desc, String id) {
        w.put(expect.ordinal());
        w.put(desc);
        w.put(1);
        w.put(id);
    }
}
