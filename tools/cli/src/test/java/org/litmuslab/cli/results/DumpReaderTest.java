package org.litmuslab.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.UserException;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

class DumpReaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void forgetGadgets() {
        Gadget.forget();
    }

    /** The allow-list, pinned: a change here must come with the genuine dump that needs it. */
    @Test
    void allowListIsPinned() {
        assertThat(new TreeSet<>(DumpReader.ALLOWED_CLASSES)).containsExactly(
                "[I",
                "[J",
                "[Ljava.lang.Object;",
                "[Ljava.util.Map$Entry;",
                "java.lang.Enum",
                "java.util.ArrayList",
                "java.util.HashMap",
                "org.openjdk.jcstress.infra.Status",
                "org.openjdk.jcstress.infra.collectors.TestResult",
                "org.openjdk.jcstress.infra.runners.SpinLoopStyle",
                "org.openjdk.jcstress.infra.runners.TestConfig",
                "org.openjdk.jcstress.os.AffinityMode",
                "org.openjdk.jcstress.os.CPUMap",
                "org.openjdk.jcstress.os.NodeType",
                "org.openjdk.jcstress.os.SchedulingClass",
                "org.openjdk.jcstress.util.Counter",
                "org.openjdk.jcstress.util.Environment");
    }

    /** Found by reading real dumps: every class they hold is allowed, and every allowed class occurs in them. */
    @Test
    void allowListIsExactlyWhatGenuineDumpsHold() throws Exception {
        Set<String> seen = new TreeSet<>();
        for (String dump : Dumps.GENUINE) {
            try (InputStream in = Files.newInputStream(Dumps.dump(dump));
                 ObjectInputStream ois = new ObjectInputStream(new GZIPInputStream(in))) {
                ois.setObjectInputFilter(info -> {
                    if (info.serialClass() != null) {
                        seen.add(info.serialClass().getName());
                    }
                    return ObjectInputFilter.Status.UNDECIDED;
                });
                try {
                    while (true) {
                        ois.readObject();
                    }
                } catch (EOFException end) {
                    // every result read
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(DumpReader.ALLOWED_CLASSES);
    }

    /** Read through the filter, every genuine dump gives what jcstress's own reader gives. */
    @Test
    void genuineDumpsReadAsJcstressReadsThem() throws Exception {
        for (String dump : Dumps.GENUINE) {
            List<TestResult> theirs = new ArrayList<>();
            DiskReadCollector jcstress = new DiskReadCollector(Dumps.dump(dump).toString(), theirs::add);
            jcstress.dump();
            jcstress.close();
            List<DumpRecord> ours = new DumpReader().readAll(Dumps.dump(dump));
            assertThat(ours).as(dump).hasSize(theirs.size());
            for (int i = 0; i < ours.size(); i++) {
                DumpRecord o = ours.get(i);
                TestResult t = theirs.get(i);
                assertThat(o.test()).isEqualTo(t.getName());
                assertThat(o.status()).isEqualTo(t.status());
                assertThat(o.forkId()).isEqualTo(t.getConfig().forkId);
                assertThat(o.config().jvmArgs()).isEqualTo(t.getConfig().jvmArgs);
                assertThat(o.config().compileMode()).isEqualTo(t.getConfig().compileMode);
                assertThat(o.config().schedulingClass()).isEqualTo(t.getConfig().shClass.toString());
                assertThat(o.messages()).isEqualTo(t.getMessages());
                assertThat(o.counts().keySet()).containsExactlyInAnyOrderElementsOf(t.getStateKeys());
                o.counts().forEach((id, n) -> assertThat(n).isEqualTo(t.getCount(id)));
                assertThat(o.environment().properties()).isEqualTo(t.getEnv().entries());
                assertThat(o.environment().cpus()).isEqualTo(2);
            }
        }
    }

    @Test
    void refusesAClassOutsideTheAllowList() throws Exception {
        Path dump = Crafted.write(dir, "url.bin.gz", Crafted.gzip(Crafted.serialize(
                URI.create("http://example.invalid/").toURL())));
        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessage("cannot use dump " + dump + ": class java.net.URL is not part of a jcstress result dump");
    }

    @Test
    void neverInstantiatesAGadgetHiddenInAResult() throws Exception {
        TestResult r = Crafted.genuine("sanity").get(0);
        Crafted.smuggle(r, new Gadget());
        Path dump = Crafted.write(dir, "gadget.bin.gz", Crafted.gzip(Crafted.serialize(r)));
        Gadget.forget(); // writing it made one

        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("class " + Gadget.class.getName() + " is not part of a jcstress result dump");
        assertThat(Gadget.constructed).as("a Gadget was constructed").isFalse();
        assertThat(Gadget.deserialized).as("Gadget.readObject ran").isFalse();

        // Control: without the filter, the same bytes do run it.
        try (ObjectInputStream plain = new ObjectInputStream(new GZIPInputStream(Files.newInputStream(dump)))) {
            plain.readObject();
        }
        assertThat(Gadget.constructed).isTrue();
        assertThat(Gadget.deserialized).isTrue();
    }

    @Test
    void refusesAForgedHugeArrayBeforeAllocatingIt() throws Exception {
        TestResult r = Crafted.genuine("sanity").get(0);
        Crafted.smuggle(r, new long[] {0x1111111111111111L, 0x2222222222222222L, 0x3333333333333333L});
        byte[] stream = Crafted.serialize(r);
        ByteBuffer find = ByteBuffer.allocate(4 + 24).putInt(3).putLong(0x1111111111111111L)
                .putLong(0x2222222222222222L).putLong(0x3333333333333333L);
        byte[] forged = Crafted.patch(stream, find.array(), ByteBuffer.allocate(4).putInt(0x7FFF_FFF0).array());
        Path dump = Crafted.write(dir, "array.bin.gz", Crafted.gzip(forged));

        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessage("cannot use dump " + dump + ": it holds an array of 2147483632 elements, more than the "
                        + "limit of 1048576 for a dump");
    }

    @Test
    void refusesAForgedListSize() throws Exception {
        TestResult r = Crafted.genuine("sanity").get(0);
        List<String> list = new ArrayList<>(List.of("a", "b", "c"));
        Crafted.smuggle(r, list);
        byte[] stream = Crafted.serialize(r);
        // ArrayList writes its size field, then a block with its capacity, then the elements:
        // <size int> 0x77 0x04 <capacity int> 0x74 <"a">. Its readObject sizes its array from the size field.
        int at = Crafted.indexOf(stream, Crafted.utf("a"));
        byte[] forged = stream.clone();
        assertThat(ByteBuffer.wrap(forged, at - 11, 4).getInt()).isEqualTo(3);
        ByteBuffer.wrap(forged, at - 11, 4).putInt(Integer.MAX_VALUE);
        Path dump = Crafted.write(dir, "list.bin.gz", Crafted.gzip(forged));
        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("array of 2147483647 elements");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        TestResult r = Crafted.genuine("sanity").get(0);
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i < 40; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        Crafted.smuggle(r, deep);
        Path dump = Crafted.write(dir, "deep.bin.gz", Crafted.gzip(Crafted.serialize(r)));
        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessage("cannot use dump " + dump + ": its objects nest 21 deep, deeper than the limit of 20 "
                        + "for a dump");
    }

    @Test
    void refusesJunkAfterAValidDump() throws Exception {
        byte[] genuine = Files.readAllBytes(Dumps.dump("sanity"));
        byte[] junk = "PK\u0003\u0004 not a dump, but plenty of junk after it".getBytes();
        byte[] appended = Arrays.copyOf(genuine, genuine.length + junk.length);
        System.arraycopy(junk, 0, appended, genuine.length, junk.length);
        Path outside = Crafted.write(dir, "junk-after-gzip.bin.gz", appended);
        assertThatThrownBy(() -> new DumpReader().readAll(outside))
                .isInstanceOf(UserException.class)
                .hasMessage("cannot use dump " + outside + ": it has bytes after the end of its gzip data (junk "
                        + "appended to the dump?)");

        byte[] data = Crafted.gunzip(Dumps.dump("sanity"));
        byte[] inner = Arrays.copyOf(data, data.length + junk.length);
        System.arraycopy(junk, 0, inner, data.length, junk.length);
        Path inside = Crafted.write(dir, "junk-inside-gzip.bin.gz", Crafted.gzip(inner));
        assertThatThrownBy(() -> new DumpReader().readAll(inside))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("cannot use dump " + inside + ": after result #12, it holds bytes that are "
                        + "not part of a jcstress result dump");
    }

    @Test
    void refusesADumpOfAnotherJcstressVersion() throws Exception {
        byte[] data = Crafted.gunzip(Dumps.dump("sanity"));
        byte[] name = Crafted.utf("org.openjdk.jcstress.infra.collectors.TestResult");
        int at = Crafted.indexOf(data, name) + name.length; // the class's serialVersionUID follows its name
        byte[] forged = data.clone();
        ByteBuffer.wrap(forged, at, 8).putLong(0x0123456789ABCDEFL);
        Path dump = Crafted.write(dir, "other-version.bin.gz", Crafted.gzip(forged));
        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .isInstanceOf(UserException.class)
                .hasMessage("cannot use dump " + dump + ": it was written by a jcstress version other than 0.16 "
                        + "(org.openjdk.jcstress.infra.collectors.TestResult differs from jcstress 0.16's); summarise "
                        + "it with the jcstress version that wrote it");
    }

    @Test
    void refusesAnUnknownJcstressClass() throws Exception {
        byte[] data = Crafted.gunzip(Dumps.dump("sanity"));
        byte[] forged = Crafted.patch(data, Crafted.utf("org.openjdk.jcstress.util.Environment"),
                Crafted.utf("org.openjdk.jcstress.util.Environmenu"));
        Path dump = Crafted.write(dir, "renamed.bin.gz", Crafted.gzip(forged));
        assertThatThrownBy(() -> new DumpReader().readAll(dump))
                .hasMessageEndingWith(": class org.openjdk.jcstress.util.Environmenu is not part of a jcstress result "
                        + "dump (written by a jcstress version other than 0.16?)");
    }

    @Test
    void refusesTruncatedDumps() throws Exception {
        byte[] genuine = Files.readAllBytes(Dumps.dump("quick"));
        Path cut = Crafted.write(dir, "cut.bin.gz", Arrays.copyOf(genuine, genuine.length / 2));
        assertThatThrownBy(() -> new DumpReader().readAll(cut))
                .hasMessageStartingWith("cannot use dump " + cut + ": its gzip data is truncated after result #")
                .hasMessageEndingWith("(an interrupted run or an incomplete copy?)");

        byte[] data = Crafted.gunzip(Dumps.dump("quick"));
        Path cutInside = Crafted.write(dir, "cut-inside.bin.gz", Crafted.gzip(Arrays.copyOf(data, data.length / 2)));
        assertThatThrownBy(() -> new DumpReader().readAll(cutInside))
                .hasMessageMatching("cannot use dump .*: it is truncated inside result #\\d+ \\(an interrupted run or "
                        + "an incomplete copy\\?\\)");
    }

    @Test
    void refusesWhatIsNotADump() throws Exception {
        Path text = Crafted.write(dir, "text.bin.gz", "hello".getBytes());
        assertThatThrownBy(() -> new DumpReader().readAll(text)).hasMessage("cannot use dump " + text
                + ": it is not gzip-compressed, so it is not a jcstress result dump (those are named "
                + "jcstress-results-*.bin.gz)");
        Path gzText = Crafted.write(dir, "gz-text.bin.gz", Crafted.gzip("hello, world".getBytes()));
        assertThatThrownBy(() -> new DumpReader().readAll(gzText)).hasMessage("cannot use dump " + gzText
                + ": it is gzip-compressed but holds no Java serialization stream, so it is not a jcstress result "
                + "dump");
        Path string = Crafted.write(dir, "string.bin.gz", Crafted.gzip(Crafted.serialize("a string")));
        assertThatThrownBy(() -> new DumpReader().readAll(string)).hasMessage("cannot use dump " + string
                + ": it holds a java.lang.String where a jcstress test result was expected");
        Path none = Crafted.write(dir, "none.bin.gz", Crafted.gzip(Crafted.serialize()));
        assertThatThrownBy(() -> new DumpReader().readAll(none)).hasMessage("cannot use dump " + none
                + ": it holds no test results");
        Path empty = Crafted.write(dir, "empty.bin.gz", new byte[0]);
        assertThatThrownBy(() -> new DumpReader().readAll(empty)).hasMessageStartingWith("dump " + empty
                + " is empty (0 bytes)");
        assertThatThrownBy(() -> new DumpReader().readAll(dir.resolve("missing.bin.gz")))
                .hasMessageStartingWith("dump " + dir.resolve("missing.bin.gz") + " does not exist");
        assertThatThrownBy(() -> new DumpReader().readAll(dir)).hasMessageStartingWith("dump " + dir
                + " is a directory");
    }

    @Test
    void refusesMalformedResults() throws Exception {
        TestResult r = Crafted.genuine("sanity").get(0);
        r.setConfig(null);
        Path dump = Crafted.write(dir, "noconfig.bin.gz", Crafted.gzip(Crafted.serialize(r)));
        assertThatThrownBy(() -> new DumpReader().readAll(dump)).hasMessage("cannot use dump " + dump
                + ": result #1 is malformed: it has no test configuration");

        TestResult s = Crafted.genuine("sanity").get(0);
        Crafted.smuggle(s, new ArrayList<>(List.of("a list where a message belongs")));
        Path dump2 = Crafted.write(dir, "listmsg.bin.gz", Crafted.gzip(Crafted.serialize(s)));
        assertThatThrownBy(() -> new DumpReader().readAll(dump2)).hasMessage("cannot use dump " + dump2
                + ": result #1 is malformed: its messages hold a java.util.ArrayList");
    }

    @Test
    void enforcesEveryLimit() throws Exception {
        Path dump = Dumps.dump("quick"); // 168 results, ~15,400 references, ~155 KB decompressed
        assertThat(new DumpReader().readAll(dump)).hasSize(168);
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(4, 1 << 20, 1L << 30, 1L << 30, 1 << 30, 1 << 30))
                .readAll(dump)).hasMessageContaining("its objects nest 5 deep, deeper than the limit of 4");
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(20, 63, 1L << 30, 1L << 30, 1 << 30, 1 << 30))
                .readAll(dump)).hasMessageContaining("an array of 64 elements, more than the limit of 63");
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(20, 64, 10_000, 1L << 30, 1 << 30, 1 << 30))
                .readAll(dump)).hasMessageContaining("it holds more than 10000 objects, the limit for a dump");
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(20, 64, 1L << 30, 100_000, 1 << 30, 1 << 30))
                .readAll(dump)).hasMessageContaining("it decompresses to more than 100000 bytes");
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(20, 64, 1L << 30, 1L << 30, 10_000, 1 << 30))
                .readAll(dump)).hasMessageContaining("more than 10000 objects between two stream resets");
        assertThatThrownBy(() -> new DumpReader(new DumpReader.Limits(20, 64, 1L << 30, 1L << 30, 1 << 30, 10_000))
                .readAll(dump)).hasMessageContaining("arrays hold more than 10000 elements between two stream resets");
    }

    /** The per-reset limits count from the last reset, as the deserializer forgets objects there. */
    @Test
    void perResetLimitsRestartAtEachReset() throws Exception {
        List<TestResult> results = Crafted.genuine("quick");
        DumpReader.Limits tight = new DumpReader.Limits(20, 1 << 20, 1L << 30, 1L << 30, 1_000, 1L << 30);
        ByteArrayOutputStream withResets = new ByteArrayOutputStream();
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        try (ObjectOutputStream a = new ObjectOutputStream(new GZIPOutputStream(withResets));
             ObjectOutputStream b = new ObjectOutputStream(new GZIPOutputStream(without))) {
            for (TestResult r : results) {
                a.reset(); // jcstress resets every 4096 results; every result here
                a.writeObject(r);
                b.writeObject(r);
            }
        }
        Path ok = Crafted.write(dir, "resets.bin.gz", withResets.toByteArray());
        Path bad = Crafted.write(dir, "no-resets.bin.gz", without.toByteArray());
        assertThat(new DumpReader(tight).readAll(ok)).hasSize(168);
        assertThatThrownBy(() -> new DumpReader(tight).readAll(bad))
                .hasMessageContaining("more than 1000 objects between two stream resets");
    }

    /** The defaults leave a wide margin over a genuine dump of 10,000 tests x 30 configurations. */
    @Test
    void defaultLimitsHoldAVeryLargeRun() throws Exception {
        // Measured on the quick dump, scaled to 10,000 tests x 30 configurations (300,000 results).
        long[] max = new long[3];
        try (InputStream in = Files.newInputStream(Dumps.dump("quick"));
             ObjectInputStream ois = new ObjectInputStream(new GZIPInputStream(in))) {
            ois.setObjectInputFilter(info -> {
                max[0] = Math.max(max[0], info.references());
                max[1] = Math.max(max[1], info.streamBytes());
                max[2] = Math.max(max[2], info.depth());
                return ObjectInputFilter.Status.UNDECIDED;
            });
            int n = 0;
            try {
                while (true) {
                    ois.readObject();
                    n++;
                }
            } catch (EOFException end) {
                assertThat(n).isEqualTo(168);
            }
        }
        double perResult = 300_000 / 168.0;
        DumpReader.Limits d = DumpReader.Limits.DEFAULT;
        assertThat(max[0] * perResult * 10).as("references x10").isLessThan(d.maxReferences());
        assertThat(max[1] * perResult * 10).as("bytes x10").isLessThan(d.maxBytes());
        assertThat(max[0] / 168.0 * 4096 * 10).as("references between resets x10").isLessThan(d.maxReferencesPerReset());
        assertThat(max[2] * 4).as("depth x4").isLessThanOrEqualTo(d.maxDepth());
    }

    @Test
    void recordsAreSharedPerEnvironment() {
        List<DumpRecord> records = new DumpReader().readAll(Dumps.dump("quick"));
        assertThat(records.stream().map(DumpRecord::environment).distinct()).hasSize(1);
        RunEnvironment e = records.get(0).environment();
        assertThat(e.jdk()).isEqualTo("17.0.15");
        assertThat(e.arch()).isEqualTo("amd64");
        assertThat(e.cpus()).isEqualTo(2);
        assertThat(Map.copyOf(records.get(0).counts())).isNotEmpty();
    }
}
