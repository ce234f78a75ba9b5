package org.litmuslab.cli.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.litmuslab.cli.UserException;

/**
 * Writes a report file all at once or not at all: into a temporary file beside the target, then moved into place,
 * so a failure (or a kill) never leaves a partial file, and readers never see one. An existing file is replaced
 * only when the user said {@code --force}.
 */
public final class AtomicFile {

    /** Writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Checks that {@code target} can be written (before any slow work, so a typo fails fast); throws a one-line
     * {@link UserException} if not.
     */
    public static void check(Path target, boolean force, String option) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new UserException(option + " " + target + " is a directory; name the file to write");
        }
        if (dir == null || !Files.exists(dir)) {
            throw new UserException(option + " " + target + ": directory " + dir + " does not exist; create it first");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(option + " " + target + ": " + dir + " is not a directory");
        }
        if (Files.exists(abs) && !force) {
            throw new UserException(option + " " + target + " already exists; pass --force to replace it");
        }
        if (!Files.isWritable(dir)) {
            throw new UserException(option + " " + target + ": directory " + dir + " is not writable");
        }
    }

    /** Writes {@code target} atomically (UTF-8). */
    public static void write(Path target, boolean force, String option, Content content) {
        check(target, force, option);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp;
        try {
            tmp = createTemp(dir, abs);
        } catch (IOException e) {
            throw new UserException(option + " " + target + ": cannot write in directory " + dir + " ("
                    + reason(e) + ")");
        }
        boolean done = false;
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp),
                    StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new UserException(option + " " + target + ": writing failed (" + reason(e) + ")");
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /** A hidden temporary file beside the target, readable as a file the user made would be (rw-rw-rw- less umask). */
    private static Path createTemp(Path dir, Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
