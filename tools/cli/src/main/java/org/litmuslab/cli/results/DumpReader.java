package org.litmuslab.cli.results;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamConstants;
import java.io.RandomAccessFile;
import java.io.ObjectStreamException;
import java.io.StreamCorruptedException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.litmuslab.cli.UserException;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * The one place in litmus that deserializes a jcstress 0.16 result dump ({@code jcstress-results-*.bin.gz}: a gzip
 * stream of Java-serialized {@link TestResult}s). Dumps come from elsewhere (CI artifacts, students, bug reports), so
 * plain {@code readObject} would let a dump's author instantiate any serializable class on our class path. This reader
 * installs a {@link ObjectInputFilter} (JEP 290) before the first object is read:
 * <ul>
 *     <li>an allow-list of exactly the classes a genuine jcstress 0.16 dump holds ({@link #ALLOWED_CLASSES});
 *     the stream's own {@code resolveClass} consults it too, so a class outside it is never even loaded;</li>
 *     <li>limits on nesting depth, array length, object references and decompressed bytes ({@link Limits}), far
 *     above what a genuine dump of a very large run needs, far below what exhausts memory.</li>
 * </ul>
 * Every problem becomes one {@link UserException} naming the file and why it was refused. Each result is checked
 * ({@link DumpRecord#of}) and handed on as a plain {@link DumpRecord}; the jcstress objects never leave this class.
 */
public final class DumpReader {

    /**
     * Every class a jcstress 0.16 dump holds, found by reading the dumps of real runs (every preset, JDK 17 and 25,
     * auto-detected and explicit JVM arguments, split and unified compilation) and pinned by {@code DumpReaderTest}.
     * Strings and primitives need no entry: serialization writes them without a class.
     */
    public static final Set<String> ALLOWED_CLASSES = Set.of(
            // The result and what it refers to (jcstress-core 0.16).
            "org.openjdk.jcstress.infra.collectors.TestResult",
            "org.openjdk.jcstress.infra.Status",
            "org.openjdk.jcstress.infra.runners.TestConfig",
            "org.openjdk.jcstress.infra.runners.SpinLoopStyle",
            "org.openjdk.jcstress.os.SchedulingClass",
            "org.openjdk.jcstress.os.AffinityMode",
            "org.openjdk.jcstress.os.NodeType",
            "org.openjdk.jcstress.os.CPUMap",
            "org.openjdk.jcstress.util.Counter",
            "org.openjdk.jcstress.util.Environment",
            // The JDK types those fields hold: the enums' base class, the lists (JVM arguments, actor names,
            // messages: always ArrayList in 0.16), the environment's HashMap (its readObject checks a Map.Entry[]),
            // the lists' and the outcome table's Object[], the outcome counts' long[], the CPU map's int[].
            "java.lang.Enum",
            "java.util.ArrayList",
            "java.util.HashMap",
            "[Ljava.lang.Object;",
            "[Ljava.util.Map$Entry;",
            "[I",
            "[J");

    /**
     * Bounds a dump must stay within. The defaults leave a wide margin over a genuine dump of 10,000 tests x 30
     * configurations, yet refuse forged sizes before anything is allocated. Measured on such a dump (300,000 results
     * written by jcstress's own DiskWriteCollector, {@code SyntheticDump 10000 30}): depth 5, longest array 64,
     * 25.5 million references, 244 MB decompressed; {@code DumpReaderTest} checks the margins on a real dump.
     *
     * <p>jcstress resets its stream every 4,096 results, which lets the reader forget every object before; the
     * per-reset limits bound what a dump can make the reader hold in memory at once (a forged dump that never
     * resets is held whole).
     *
     * @param maxDepth                 deepest nesting of objects (genuine: 5)
     * @param maxArrayLength           longest array (genuine: 64, the initial outcome table, which doubles once a
     *                                 fork sees more than 6 distinct outcomes; 2^20 holds ~100,000)
     * @param maxReferences            objects and back-references in the whole stream (genuine: ~85 per result,
     *                                 so ~26 million for 10,000 tests x 30 configurations)
     * @param maxBytes                 decompressed bytes of the whole stream (genuine: ~0.8 KB per result, so ~250
     *                                 MB for 10,000 x 30)
     * @param maxReferencesPerReset    objects and back-references between two resets (genuine: ~350,000)
     * @param maxArrayElementsPerReset array elements between two resets (genuine: ~200 per result, ~0.8 million)
     */
    public record Limits(long maxDepth, long maxArrayLength, long maxReferences, long maxBytes,
                         long maxReferencesPerReset, long maxArrayElementsPerReset) {
        public static final Limits DEFAULT = new Limits(20, 1L << 20, 500_000_000L, 4L << 30, 10_000_000L,
                50_000_000L);
    }

    private final Limits limits;

    public DumpReader() {
        this(Limits.DEFAULT);
    }

    public DumpReader(Limits limits) {
        this.limits = limits;
    }

    /** Every result of the dump, in file order. */
    public List<DumpRecord> readAll(Path dump) {
        List<DumpRecord> all = new ArrayList<>();
        read(dump, all::add);
        return all;
    }

    /**
     * Reads the dump, handing each checked result to {@code sink} in file order; returns how many there were.
     *
     * @throws UserException when the file is missing, not a dump, truncated, from another jcstress version, or
     *                       refused by the filter; the message names the file and says why
     */
    public long read(Path dump, Consumer<DumpRecord> sink) {
        checkFile(dump);
        DumpFilter filter = new DumpFilter(limits);
        long count = 0;
        DumpRecord.Environments environments = new DumpRecord.Environments();
        try (InputStream file = Files.newInputStream(dump);
             GZIPInputStream gzip = openGzip(dump, new BufferedInputStream(file, 1 << 16));
             Decompressed data = new Decompressed(gzip, limits.maxBytes(), filter::reset);
             ObjectInputStream in = openObjects(dump, data, filter)) {
            while (true) {
                data.watchNextByte();
                Object o;
                try {
                    o = in.readObject();
                } catch (RuntimeException e) {
                    // Field values of the wrong type, and the like: only a forged or damaged dump gets here.
                    throw refuse(dump, "result #" + (count + 1) + " is malformed (" + e + ")");
                } catch (EOFException e) {
                    if (data.count() == data.mark() && data.atEnd()) {
                        break; // the end of the stream, between two results: how every dump ends
                    }
                    throw refuse(dump, "it is truncated inside result #" + (count + 1)
                            + " (an interrupted run or an incomplete copy?)");
                }
                if (!(o instanceof TestResult r)) {
                    throw refuse(dump, "it holds " + (o == null ? "null" : "a " + o.getClass().getName())
                            + " where a jcstress test result was expected");
                }
                count++;
                DumpRecord record;
                try {
                    record = DumpRecord.of(r, environments);
                } catch (DumpRecord.Malformed e) {
                    throw refuse(dump, "result #" + count + " is malformed: " + e.getMessage());
                }
                sink.accept(record);
            }
            checkTrailer(dump, data);
        } catch (UserException e) {
            throw e;
        } catch (InvalidClassException e) {
            throw refuse(dump, filter.refusal() != null ? filter.refusal() : versionMismatch(e));
        } catch (Decompressed.TooLarge e) {
            throw refuse(dump, "it decompresses to more than " + limits.maxBytes() + " bytes, the limit for a dump");
        } catch (Decompressed.Truncated e) {
            throw refuse(dump, "its gzip data is truncated" + (count > 0 ? " after result #" + count : "")
                    + " (an interrupted run or an incomplete copy?)");
        } catch (ZipException e) {
            throw refuse(dump, "its gzip data is corrupt (" + e.getMessage() + ")");
        } catch (ObjectStreamException e) {
            throw refuse(dump, (count == 0 ? "" : "after result #" + count + ", ")
                    + "it holds bytes that are not part of a jcstress result dump (" + e + ")");
        } catch (ClassNotFoundException e) {
            throw refuse(dump, "it names class " + e.getMessage() + ", which this litmus does not have");
        } catch (AccessDeniedException e) {
            throw new UserException("cannot read dump " + dump + ": permission denied");
        } catch (IOException e) {
            throw refuse(dump, "reading it failed: " + e);
        }
        if (count == 0) {
            throw refuse(dump, "it holds no test results");
        }
        return count;
    }

    private static void checkFile(Path dump) {
        if (Files.isDirectory(dump)) {
            throw new UserException("dump " + dump + " is a directory; pass the jcstress-results-*.bin.gz file in it");
        }
        if (!Files.exists(dump)) {
            throw new UserException("dump " + dump + " does not exist; pass a jcstress-results-*.bin.gz that a "
                    + "jcstress 0.16 run wrote");
        }
        try {
            if (Files.size(dump) == 0) {
                throw new UserException("dump " + dump + " is empty (0 bytes); jcstress writes its dump as it runs, "
                        + "so the run that wrote it wrote nothing");
            }
        } catch (IOException e) {
            throw new UserException("cannot read dump " + dump + ": " + e.getMessage());
        }
    }

    private static GZIPInputStream openGzip(Path dump, InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException e) {
            throw refuse(dump, "it is not gzip-compressed, so it is not a jcstress result dump "
                    + "(those are named jcstress-results-*.bin.gz)");
        } catch (EOFException e) {
            throw refuse(dump, "its gzip data is truncated (an interrupted run or an incomplete copy?)");
        }
    }

    private static ObjectInputStream openObjects(Path dump, InputStream in, DumpFilter filter) throws IOException {
        try {
            ObjectInputStream ois = new FilteredObjectInputStream(in, filter);
            ois.setObjectInputFilter(filter);
            return ois;
        } catch (StreamCorruptedException | EOFException e) {
            throw refuse(dump, "it is gzip-compressed but holds no Java serialization stream, so it is not a "
                    + "jcstress result dump");
        }
    }

    /**
     * jcstress writes one gzip member; anything after its end (which {@link GZIPInputStream} silently skips) shows up
     * as a trailer that does not match the data read: the last 8 bytes of a gzip file are the CRC-32 and the length
     * of all the decompressed data.
     */
    private static void checkTrailer(Path dump, Decompressed data) throws IOException {
        if (data.read() != -1) {
            throw refuse(dump, "it holds data after its last result");
        }
        long size = data.total();
        try (RandomAccessFile raf = new RandomAccessFile(dump.toFile(), "r")) {
            long len = raf.length();
            byte[] tail = new byte[8];
            raf.seek(len - 8);
            raf.readFully(tail);
            if (le32(tail, 0) != data.crc() || le32(tail, 4) != (size & 0xFFFF_FFFFL)) {
                throw refuse(dump, "it has bytes after the end of its gzip data (junk appended to the dump?)");
            }
        }
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    private static String versionMismatch(InvalidClassException e) {
        String cls = e.classname != null ? e.classname : "a class";
        return "it was written by a jcstress version other than 0.16 (" + cls + " differs from jcstress 0.16's); "
                + "summarise it with the jcstress version that wrote it";
    }

    static UserException refuse(Path dump, String why) {
        return new UserException("cannot use dump " + dump + ": " + why);
    }

    /** The filter: the allow-list and the limits. Remembers why it refused, for the message. */
    static final class DumpFilter implements ObjectInputFilter {
        private final Limits limits;
        private String refusal;
        private long lastReferences;
        private long referencesAtReset;
        private long arrayElementsSinceReset;

        DumpFilter(Limits limits) {
            this.limits = limits;
        }

        String refusal() {
            return refusal;
        }

        /** The stream was reset: the deserializer forgot every object read so far. */
        void reset() {
            referencesAtReset = lastReferences;
            arrayElementsSinceReset = 0;
        }

        /** Refuses a class by name; used by {@code resolveClass} too, so refused classes are never loaded. */
        boolean allows(String className) {
            if (ALLOWED_CLASSES.contains(className)) {
                return true;
            }
            if (refusal == null) {
                refusal = "class " + className + " is not part of a jcstress result dump"
                        + (className.startsWith("org.openjdk.jcstress.")
                        ? " (written by a jcstress version other than 0.16?)" : "");
            }
            return false;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > limits.maxDepth()) {
                return reject("its objects nest " + info.depth() + " deep, deeper than the limit of "
                        + limits.maxDepth() + " for a dump");
            }
            if (info.arrayLength() > limits.maxArrayLength()) {
                return reject("it holds an array of " + info.arrayLength() + " elements, more than the limit of "
                        + limits.maxArrayLength() + " for a dump");
            }
            if (info.references() > limits.maxReferences()) {
                return reject("it holds more than " + limits.maxReferences() + " objects, the limit for a dump");
            }
            if (info.streamBytes() > limits.maxBytes()) {
                return reject("it decompresses to more than " + limits.maxBytes() + " bytes, the limit for a dump");
            }
            lastReferences = info.references();
            if (info.references() - referencesAtReset > limits.maxReferencesPerReset()) {
                return reject("it holds more than " + limits.maxReferencesPerReset() + " objects between two "
                        + "stream resets, the limit for a dump (jcstress resets every 4,096 results)");
            }
            if (info.arrayLength() > 0) {
                arrayElementsSinceReset += info.arrayLength();
                if (arrayElementsSinceReset > limits.maxArrayElementsPerReset()) {
                    return reject("its arrays hold more than " + limits.maxArrayElementsPerReset()
                            + " elements between two stream resets, the limit for a dump");
                }
            }
            Class<?> c = info.serialClass();
            if (c != null && !allows(c.getName())) {
                return Status.REJECTED;
            }
            return Status.ALLOWED;
        }

        private Status reject(String why) {
            if (refusal == null) {
                refusal = why;
            }
            return Status.REJECTED;
        }
    }

    /** Refuses classes outside the allow-list before loading them, and every dynamic proxy. */
    private static final class FilteredObjectInputStream extends ObjectInputStream {
        private final DumpFilter filter;

        FilteredObjectInputStream(InputStream in, DumpFilter filter) throws IOException {
            super(in);
            this.filter = filter;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (!filter.allows(desc.getName())) {
                throw new InvalidClassException(desc.getName(), "not part of a jcstress result dump");
            }
            return super.resolveClass(desc);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
            filter.allows("a dynamic proxy for " + String.join(", ", interfaces));
            throw new InvalidClassException("proxy", "not part of a jcstress result dump");
        }
    }

    /**
     * The decompressed stream, buffered (the deserializer reads a few bytes at a time; this buffer is not
     * synchronized and checksums whole refills): counts and checksums what the deserializer consumed, stops at
     * {@code maxBytes}, tells a clean end from a gzip stream cut short, and sees the stream resets.
     */
    static final class Decompressed extends InputStream {
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
        }

        static final class Truncated extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final InputStream in;
        private final long maxBytes;
        private final Runnable onReset;
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private long consumed; // bytes handed to the reader
        private long filled;   // bytes taken from gzip
        private boolean atEnd;
        private boolean watch;
        private long mark;

        Decompressed(InputStream in, long maxBytes, Runnable onReset) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.onReset = onReset;
        }

        /**
         * The next byte read is the type code of a top-level item (the deserializer reads exactly one byte to peek
         * at it); a reset there means it forgets every object so far.
         */
        void watchNextByte() {
            watch = true;
            mark = consumed;
        }

        /** Where the current top-level item starts: after any resets that precede it. */
        long mark() {
            return mark;
        }

        /** Bytes the reader consumed. */
        long count() {
            return consumed;
        }

        /** True once gzip reported the end of its data. */
        boolean atEnd() {
            return atEnd;
        }

        /** CRC-32 of all bytes taken from gzip. */
        long crc() {
            return crc.getValue();
        }

        /** Bytes taken from gzip: the whole stream, once the reader is done. */
        long total() {
            return filled;
        }

        private boolean fill() throws IOException {
            if (atEnd) {
                return false;
            }
            int n;
            try {
                n = in.read(buf, 0, buf.length);
            } catch (EOFException e) {
                throw new Truncated();
            }
            if (n < 0) {
                atEnd = true;
                return false;
            }
            crc.update(buf, 0, n);
            filled += n;
            if (filled > maxBytes) {
                throw new TooLarge();
            }
            pos = 0;
            limit = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (pos >= limit && !fill()) {
                return -1;
            }
            int b = buf[pos++] & 0xFF;
            consumed++;
            if (watch) {
                if (b == ObjectStreamConstants.TC_RESET) {
                    // The deserializer forgets everything, then peeks at the next top-level byte: keep watching.
                    onReset.run();
                    mark = consumed;
                } else {
                    watch = false;
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            consumed += n;
            watch = false; // top-level type codes are peeked one byte at a time
            return n;
        }

        @Override
        public int available() {
            return limit - pos;
        }
    }
}
