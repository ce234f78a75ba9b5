package org.litmuslab.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.results.Dumps;

/**
 * Every bad input of issues #7 and #10 through the command line: one line on stderr naming the file and what is
 * wrong, exit code 2, no stack trace, and no output file (nor a temporary one).
 */
class SummarizeBadInputTest {

    @TempDir
    Path in;
    @TempDir
    Path outDir;
    Path out;

    @BeforeEach
    void setUp() {
        out = outDir.resolve("summary.html");
    }

    /** Runs summarize with --out, asserts the clean failure and returns the message. */
    private String refused(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("summarize", "--format", "html", "--out", out.toString()));
        all.addAll(List.of(args));
        CliRunner.Run r = CliRunner.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("litmus: ").hasLineCount(1).doesNotContain("Exception", "\tat ");
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files).as("files left in the output directory").isEmpty();
        }
        return r.err().strip();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(in.resolve(name), content);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (GZIPInputStream gz = new GZIPInputStream(Files.newInputStream(p))) {
            return gz.readAllBytes();
        }
    }

    private static byte[] serialized(Object o) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(b)) {
            oos.writeObject(o);
        }
        return b.toByteArray();
    }

    @Test
    void missingFile() throws IOException {
        Path p = in.resolve("jcstress-results-missing.bin.gz");
        assertThat(refused(p.toString())).isEqualTo("litmus: dump " + p + " does not exist; pass a "
                + "jcstress-results-*.bin.gz that a jcstress 0.16 run wrote");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = file("empty.bin.gz", new byte[0]);
        assertThat(refused(p.toString())).isEqualTo("litmus: dump " + p + " is empty (0 bytes); jcstress writes its "
                + "dump as it runs, so the run that wrote it wrote nothing");
    }

    @Test
    void notGzip() throws IOException {
        Path p = file("plain.bin.gz", "RUN RESULTS:\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused(p.toString())).contains(p + ": it is not gzip-compressed");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] genuine = Files.readAllBytes(Dumps.dump("teach"));
        Path p = file("cut.bin.gz", Arrays.copyOf(genuine, genuine.length - 100));
        assertThat(refused(p.toString())).contains(p + ": its gzip data is truncated");
    }

    @Test
    void gzipOfSomethingElse() throws IOException {
        Path text = file("text.bin.gz", gzip("<html>not a dump</html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused(text.toString())).contains(text + ": it is gzip-compressed but holds no Java serialization "
                + "stream");
        Path list = file("list.bin.gz", gzip(serialized(new ArrayList<>(List.of("a", "b")))));
        assertThat(refused(list.toString())).contains(list + ": it holds a java.util.ArrayList where a jcstress test "
                + "result was expected");
    }

    @Test
    void dumpOfAnotherJcstressVersion() throws IOException {
        byte[] data = gunzip(Dumps.dump("teach"));
        byte[] name = "org.openjdk.jcstress.infra.runners.TestConfig".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(data, name) + name.length;
        ByteBuffer.wrap(data, at, 8).putLong(42L); // another serialVersionUID: another TestConfig
        Path p = file("jcstress-0.17.bin.gz", gzip(data));
        assertThat(refused(p.toString())).isEqualTo("litmus: cannot use dump " + p + ": it was written by a jcstress "
                + "version other than 0.16 (org.openjdk.jcstress.infra.runners.TestConfig differs from jcstress "
                + "0.16's); summarise it with the jcstress version that wrote it");
    }

    @Test
    void classOutsideTheAllowList() throws IOException {
        Path p = file("url.bin.gz", gzip(serialized(URI.create("https://example.invalid/").toURL())));
        assertThat(refused(p.toString())).isEqualTo("litmus: cannot use dump " + p + ": class java.net.URL is not "
                + "part of a jcstress result dump");
    }

    @Test
    void forgedArrayLength() throws IOException {
        byte[] s = serialized(new int[] {0x5A5A5A5A});
        byte[] forged = s.clone();
        int at = indexOf(forged, new byte[] {0x5A, 0x5A, 0x5A, 0x5A}) - 4;
        ByteBuffer.wrap(forged, at, 4).putInt(Integer.MAX_VALUE - 8);
        Path p = file("array.bin.gz", gzip(forged));
        assertThat(refused(p.toString())).contains("it holds an array of 2147483639 elements, more than the limit");
    }

    @Test
    void nestedDeeperThanTheLimit() throws IOException {
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i < 100; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        Path p = file("deep.bin.gz", gzip(serialized(deep)));
        assertThat(refused(p.toString())).contains("its objects nest 21 deep, deeper than the limit of 20");
    }

    @Test
    void validDumpFollowedByJunk() throws IOException {
        byte[] genuine = Files.readAllBytes(Dumps.dump("teach"));
        byte[] junk = new byte[genuine.length + 64];
        System.arraycopy(genuine, 0, junk, 0, genuine.length);
        Arrays.fill(junk, genuine.length, junk.length, (byte) 0x42);
        Path p = file("junk.bin.gz", junk);
        assertThat(refused(p.toString())).contains(p + ": it has bytes after the end of its gzip data");
    }

    @Test
    void oneBadDumpAmongGoodOnesStillFailsWholly() throws IOException {
        Path bad = file("empty.bin.gz", new byte[0]);
        assertThat(refused(Dumps.dump("teach").toString(), bad.toString())).contains(bad + " is empty");
    }

    @Test
    void unreadableTestsJar() throws IOException {
        String dump = Dumps.dump("teach").toString();
        Path missing = in.resolve("no-such.jar");
        assertThat(refused("--tests-jar", missing.toString(), dump)).isEqualTo("litmus: tests jar " + missing
                + " does not exist or is not a file");
        Path notJar = file("not-a.jar", "plain text".getBytes(StandardCharsets.UTF_8));
        assertThat(refused("--tests-jar", notJar.toString(), dump)).startsWith("litmus: cannot read tests jar "
                + notJar);
        Path noList = in.resolve("empty.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(noList))) {
            jar.setComment("no TestList");
        }
        assertThat(refused("--tests-jar", noList.toString(), dump)).startsWith("litmus: tests jar " + noList
                + " has no META-INF/TestList");
    }

    @Test
    void outputInAMissingDirectory() throws IOException {
        out = outDir.resolve("no/such/dir/summary.html");
        assertThat(refused(Dumps.dump("teach").toString())).isEqualTo("litmus: --out " + out + ": directory "
                + out.getParent() + " does not exist; create it first");
    }

    @Test
    void outputWhereADirectoryIsAFile() throws IOException {
        Path file = Files.writeString(in.resolve("a-file"), "x");
        out = file.resolve("summary.html");
        assertThat(refused(Dumps.dump("teach").toString())).isEqualTo("litmus: --out " + out + ": " + file
                + " is not a directory");
    }

    @Test
    void outputIsADirectory() throws IOException {
        Path d = Files.createDirectory(outDir.resolve("d"));
        out = d;
        CliRunner.Run r = CliRunner.run("summarize", "--out", d.toString(), Dumps.dump("teach").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("litmus: --out " + d + " is a directory; name the file to write"
                + System.lineSeparator());
    }

    /** /proc refuses new files even to root, who passes every permission check. */
    @Test
    void outputInAnUnwritableDirectory() throws IOException {
        assumeThat(Path.of("/proc/self")).exists();
        out = Path.of("/proc/litmus-summary.html");
        CliRunner.Run r = CliRunner.run("summarize", "--out", out.toString(), Dumps.dump("teach").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("litmus: --out /proc/litmus-summary.html: ").hasLineCount(1)
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputInADirectoryWithoutWritePermission() throws IOException {
        Path ro = Files.createDirectory(in.resolve("read-only"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(ro)).as("running as root: permissions do not stop us").isFalse();
            out = ro.resolve("summary.html");
            CliRunner.Run r = CliRunner.run("summarize", "--out", out.toString(), Dumps.dump("teach").toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("litmus: --out " + out + ": directory " + ro + " is not writable"
                    + System.lineSeparator());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static int indexOf(byte[] data, byte[] find) {
        outer:
        for (int i = 0; i + find.length <= data.length; i++) {
            for (int j = 0; j < find.length; j++) {
                if (data[i + j] != find[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
