package io.spindle.formats.commit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** File system steps the commit protocol needs, with Hadoop's quiet failure modes turned into exceptions. */
final class FsOperations {
    private FsOperations() {}

    /**
     * Renames {@code source} to exactly {@code target}. Hadoop's rename moves a directory
     * <em>into</em> an existing target directory, and the local file system silently replaces an
     * existing target file, so the target must not exist; a false return becomes an exception.
     * The check and the rename are two steps: a target created concurrently in between is a
     * conflict between writers that the protocol does not support (see FileCommitProtocol).
     */
    static void rename(FileSystem fs, Path source, Path target) throws IOException {
        if (fs.exists(target)) {
            throw new FileAlreadyExistsException("Cannot move " + source + " to " + target + ": the target exists");
        }
        Path parent = target.getParent();
        if (parent != null && !fs.exists(parent)) {
            fs.mkdirs(parent);
        }
        if (!fs.rename(source, target)) {
            throw new IOException("Could not move " + source + " to " + target
                    + (fs.exists(source) ? "" : ": the source does not exist"));
        }
    }

    static void writeText(FileSystem fs, Path file, String text, boolean overwrite) throws IOException {
        try (OutputStream out = fs.create(file, overwrite)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String readText(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void deleteIfExists(FileSystem fs, Path path) throws IOException {
        if (fs.exists(path) && !fs.delete(path, true) && fs.exists(path)) {
            throw new IOException("Could not delete " + path);
        }
    }
}
