package org.litmuslab.testgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files into a directory that belongs to the generator (e.g.
 * {@code target/generated-sources/litmus}): a file is written only when its bytes change (so its timestamp, and the
 * compiler's incremental state, stay put), each write goes to a temporary file that is then moved into place, and
 * {@code .java} files the generator no longer produces are deleted.
 */
public final class Output {

    /** What one {@link #sync} did. */
    public record Result(int written, int unchanged, int removed) {
        public int total() {
            return written + unchanged;
        }
    }

    private Output() {
    }

    public static Result sync(Path dir, List<SourceFile> files) throws IOException {
        Files.createDirectories(dir);
        Set<Path> wanted = new HashSet<>();
        int written = 0;
        int unchanged = 0;
        for (SourceFile f : files) {
            Path target = dir.resolve(f.relativePath());
            if (!wanted.add(target)) {
                throw new IllegalArgumentException("two generated tests map to " + target);
            }
            if (writeIfChanged(target, f.content().getBytes(StandardCharsets.UTF_8))) {
                written++;
            } else {
                unchanged++;
            }
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p) && !wanted.contains(p))
                    .forEach(stale::add);
        }
        for (Path p : stale) {
            Files.delete(p);
        }
        return new Result(written, unchanged, stale.size());
    }

    /** Writes the bytes unless the file already holds exactly them; true when it wrote. */
    public static boolean writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }
}
