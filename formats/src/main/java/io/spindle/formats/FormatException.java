package io.spindle.formats;

import java.io.IOException;

/**
 * A file that cannot be read as its format says: not of the format, truncated, corrupt, or with a
 * column whose type does not fit. The message always names the file, and where known the byte
 * offset and the part of the file (row group, column) — what someone needs to find the bad file
 * among thousands in a table.
 */
public final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long offset;

    public FormatException(String path, long offset, String detail, Throwable cause) {
        super(path + (offset >= 0 ? " at offset " + offset : "") + ": " + detail, cause);
        this.path = path;
        this.offset = offset;
    }

    public FormatException(String path, String detail) {
        this(path, -1, detail, null);
    }

    public FormatException(String path, String detail, Throwable cause) {
        this(path, -1, detail, cause);
    }

    /** The file that could not be read. */
    public String path() {
        return path;
    }

    /** Byte offset in the file where the problem is, or -1 when unknown. */
    public long offset() {
        return offset;
    }
}
