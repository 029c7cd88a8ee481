package io.spindle.formats.commit;

import java.io.Serializable;
import java.util.Objects;

/**
 * A file a task wrote, by its path relative to the output directory ({@code a=1/b=x/part-....parquet}),
 * which is also its path relative to the task attempt's staging directory.
 */
public record StagedFile(String relativePath, long bytes, long rows) implements Serializable {
    public StagedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("Not a relative file path: '" + relativePath + "'");
        }
    }

    /** The partition directory part, {@code a=1/b=x}, or "" for a file at the top of the output. */
    public String partitionDirectory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
