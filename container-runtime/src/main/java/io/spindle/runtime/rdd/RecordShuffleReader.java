package io.spindle.runtime.rdd;

import io.spindle.rdd.RecordInput;
import io.spindle.rdd.RecordSerde;
import io.spindle.runtime.shuffle.BlockCodec;
import io.spindle.runtime.shuffle.ShuffleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Iterates one reduce partition's records from every committed map output, map by map, block by block. */
final class RecordShuffleReader<T> implements Iterator<T> {
    private final FileSystem fs;
    private final List<String> indexFiles;
    private final int partition;
    private final BlockCodec codec;
    private int nextMap;
    private byte[] range = new byte[0];
    private final int[] rangePosition = {0};
    private RecordInput block;

    RecordShuffleReader(FileSystem fs, List<String> indexFiles, int partition, String codec) {
        this.fs = fs;
        this.indexFiles = indexFiles;
        this.partition = partition;
        this.codec = new BlockCodec(codec);
    }

    @Override
    public boolean hasNext() {
        while (block == null || !block.hasRemaining()) {
            while (rangePosition[0] >= range.length) {
                if (nextMap >= indexFiles.size()) {
                    return false;
                }
                range = readRange(new Path(indexFiles.get(nextMap++)));
                rangePosition[0] = 0;
            }
            byte[] raw = codec.readFrame(range, rangePosition);
            block = new RecordInput(raw, 0, raw.length);
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return RecordSerde.read(block);
    }

    private byte[] readRange(Path indexPath) {
        try {
            ShuffleIndex index = ShuffleIndex.read(fs, indexPath);
            if (partition >= index.partitions()) {
                return new byte[0];
            }
            long from = index.offsets()[partition];
            byte[] bytes = new byte[Math.toIntExact(index.offsets()[partition + 1] - from)];
            if (bytes.length > 0) {
                try (FSDataInputStream in = fs.open(new Path(indexPath.getParent(), index.dataFileName()))) {
                    in.readFully(from, bytes);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read shuffle output " + indexPath + ": " + e.getMessage(), e);
        }
    }
}
