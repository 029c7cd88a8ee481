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
