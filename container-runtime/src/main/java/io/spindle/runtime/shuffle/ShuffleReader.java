package io.spindle.runtime.shuffle;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads reduce partitions {@code [start, end)} from every map output: for each committed index, the
 * byte range of those partitions in its data file, decoded block by block. Blocks of one map
 * output's range are contiguous, so each map output costs one positioned read.
 */
public final class ShuffleReader {
    private final FileSystem fs;
    private final List<String> indexFiles;
    private final int start;
    private final int end;
    private final Schema schema;
    private final BlockCodec codec;
    private int nextMap;
    private byte[] range;
    private final int[] position = {0};

    public ShuffleReader(FileSystem fs, List<String> indexFiles, int start, int end, Schema schema, String codec) {
        this.fs = fs;
        this.indexFiles = indexFiles;
        this.start = start;
        this.end = end;
        this.schema = schema;
        this.codec = new BlockCodec(codec);
    }

    /** The next block, or null after the last. */
    public ColumnBatch next() throws IOException {
        while (range == null || position[0] >= range.length) {
            if (nextMap >= indexFiles.size()) {
                return null;
            }
            range = readRange(new Path(indexFiles.get(nextMap++)));
            position[0] = 0;
        }
        byte[] block = codec.readFrame(range, position);
        return BatchSerde.read(schema, block, new int[] {0});
    }

    private byte[] readRange(Path indexPath) throws IOException {
        ShuffleIndex index = ShuffleIndex.read(fs, indexPath);
        int last = Math.min(end, index.partitions());
        if (start >= last) {
            return new byte[0];
        }
        long from = index.offsets()[start];
        long to = index.offsets()[last];
        byte[] bytes = new byte[Math.toIntExact(to - from)];
        if (bytes.length > 0) {
            try (FSDataInputStream in = fs.open(new Path(indexPath.getParent(), index.dataFileName()))) {
                in.readFully(from, bytes);
            }
        }
        return bytes;
    }
}
