package io.spindle.formats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * A byte range of one file, the unit of input of one task. Serializable because splits travel to
 * executors inside tasks; the path is kept as a string for that reason.
 */
public final class FileSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final long start;
    private final long length;
    private final List<String> hosts;
    private final long fileLength;

    public FileSplit(Path path, long start, long length, List<String> hosts, long fileLength) {
        if (start < 0 || length < 0 || start + length > fileLength) {
            throw new IllegalArgumentException("Split [" + start + ", " + (start + length) + ") is outside "
                    + path + " of length " + fileLength);
        }
        this.path = path.toString();
        this.start = start;
        this.length = length;
        this.hosts = List.copyOf(hosts);
        this.fileLength = fileLength;
    }

    /** The whole file as one split, without locality. */
    public static FileSplit wholeFile(Path path, long fileLength) {
        return new FileSplit(path, 0, fileLength, List.of(), fileLength);
    }

    public Path path() {
        return new Path(path);
    }

    public long start() {
        return start;
    }

    public long length() {
        return length;
    }

    public long end() {
        return start + length;
    }

    /** Hosts storing most of the range, best first; empty when unknown. */
    public List<String> hosts() {
        return hosts;
    }

    public long fileLength() {
        return fileLength;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FileSplit)) {
            return false;
        }
        FileSplit that = (FileSplit) other;
        return path.equals(that.path) && start == that.start && length == that.length
                && fileLength == that.fileLength && hosts.equals(that.hosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, start, length, fileLength, hosts);
    }

    @Override
    public String toString() {
        return path + "[" + start + ", " + end() + ") of " + fileLength + (hosts.isEmpty() ? "" : " on " + hosts);
    }
}
