package org.litmuslab.cli.results;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.openjdk.jcstress.infra.collectors.TestResult;

/** Crafted dumps for the tests: written here with ObjectOutputStream + gzip, as an attacker would. */
final class Crafted {
    private Crafted() {
    }

    /** The results of a checked-in genuine dump, read plainly (our own file: test code only). */
    static List<TestResult> genuine(String dump) throws IOException, ClassNotFoundException {
        List<TestResult> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Dumps.dump(dump));
             ObjectInputStream ois = new ObjectInputStream(new GZIPInputStream(in))) {
            while (true) {
                try {
                    out.add((TestResult) ois.readObject());
                } catch (EOFException e) {
                    return out;
                }
            }
        }
    }

    /** The serialization stream (not gzipped) of the objects, with a reset first as jcstress writes it. */
    static byte[] serialize(Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.reset();
            for (Object o : objects) {
                oos.writeObject(o);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Replaces the first occurrence of {@code find} in {@code data}; fails if there is none. */
    static byte[] patch(byte[] data, byte[] find, byte[] replace) {
        int at = indexOf(data, find);
        if (at < 0) {
            throw new AssertionError("pattern not found in the stream");
        }
        byte[] out = data.clone();
        System.arraycopy(replace, 0, out, at, replace.length);
        return out;
    }

    static int indexOf(byte[] data, byte[] find) {
        outer:
        for (int i = 0; i + find.length <= data.length; i++) {
            for (int j = 0; j < find.length; j++) {
                if (data[i + j] != find[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] utf(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 2];
        out[0] = (byte) (b.length >> 8);
        out[1] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void smuggle(TestResult r, Object payload) {
        ((List) r.getMessages()).add(payload);
    }
}
