package io.spindle.runtime.shuffle;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The index of one map output: the name of its data file (in the same directory) and the byte
 * offset where each reduce partition starts, plus the end. Partition p is
 * {@code [offsets[p], offsets[p + 1])} of the data file.
 */
public record ShuffleIndex(String dataFileName, long[] offsets) {
    private static final int MAGIC = 0x53504958; // "SPIX"
    /**
     * Serializes commits inside one JVM: on the local file system rename overwrites, so
     * "exists, then rename" is only safe while no other attempt of this JVM commits (local mode
     * runs every executor in one JVM). On HDFS rename to an existing path fails, which is enough.
     */
    private static final Object LOCAL_COMMIT_LOCK = new Object();

    public int partitions() {
        return offsets.length - 1;
    }

    public long[] partitionBytes() {
        long[] sizes = new long[partitions()];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = offsets[p + 1] - offsets[p];
        }
        return sizes;
    }

    void write(FileSystem fs, Path path) throws IOException {
        try (FSDataOutputStream out = fs.create(path, false)) {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeUTF(dataFileName);
            data.writeInt(offsets.length);
            for (long offset : offsets) {
                data.writeLong(offset);
            }
            data.flush();
        }
    }

    /** {@code map-<id>.index}: where the committed index of a map task lives. */
    public static Path indexPath(Path directory, int mapId) {
        return new Path(directory, "map-" + mapId + ".index");
    }

    /**
     * Publishes this index, describing {@code data}, as map task {@code mapId}'s output: written
     * to {@code <tag>.index.tmp}, then renamed to {@link #indexPath}. The first attempt to commit
     * wins; a losing attempt deletes its own index and data file, so retried or duplicate
     * attempts never duplicate data.
     *
     * @return the committed index: this one, or the winner's
     */
    public Committed commit(FileSystem fs, Path directory, int mapId, String tag, Path data) throws IOException {
        Path temporary = new Path(directory, tag + ".index.tmp");
        write(fs, temporary);
        Path index = indexPath(directory, mapId);
        boolean won;
        synchronized (LOCAL_COMMIT_LOCK) {
            won = !fs.exists(index) && fs.rename(temporary, index);
        }
        if (won) {
            return new Committed(index, this, true);
        }
        fs.delete(temporary, false);
        fs.delete(data, false);
        return new Committed(index, read(fs, index), false);
    }

    /** The outcome of {@link #commit}: where the map's index is, what it says, and whether this attempt won. */
    public record Committed(Path path, ShuffleIndex index, boolean won) {
    }

    public static ShuffleIndex read(FileSystem fs, Path path) throws IOException {
        try (FSDataInputStream in = fs.open(path)) {
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC) {
                throw new IOException("Not a Spindle shuffle index: " + path);
            }
            String name = data.readUTF();
            long[] offsets = new long[data.readInt()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = data.readLong();
            }
            return new ShuffleIndex(name, offsets);
        }
    }
}
