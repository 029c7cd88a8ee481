package io.spindle.runtime.rdd;

import io.spindle.rdd.RecordOutput;
import io.spindle.rdd.RecordSerde;
import io.spindle.rdd.ShuffleMapStatus;
import io.spindle.runtime.shuffle.BlockCodec;
import io.spindle.runtime.shuffle.ByteSink;
import io.spindle.runtime.shuffle.ShuffleIndex;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one map attempt's records in the shuffle layout of {@code runtime.shuffle}: records are
 * serialized into per-partition blocks of about {@value #BLOCK_BYTES} bytes, each framed by
 * {@link BlockCodec}; {@link #commit()} writes ONE data file (partitions one after the other) and
 * ONE index ({@link ShuffleIndex} format), and the first attempt to rename its index into place
 * wins — the same commit rule as the columnar {@code ShuffleWriter}, so a retried or speculative
 * duplicate never doubles a map's records. Framed blocks stay in memory until commit, compressed.
 */
final class RecordShuffleWriter {
    private static final int BLOCK_BYTES = 64 << 10;

    private final FileSystem fs;
    private final Path directory;
    private final int mapId;
    private final int attempt;
    private final BlockCodec codec;
    private final RecordOutput[] blocks;
    private final ByteSink[] framed;
    private long records;

    RecordShuffleWriter(FileSystem fs, Path directory, int mapId, int attempt, int partitions, String codec) {
        this.fs = fs;
        this.directory = directory;
        this.mapId = mapId;
        this.attempt = attempt;
        this.codec = new BlockCodec(codec);
        this.blocks = new RecordOutput[partitions];
        this.framed = new ByteSink[partitions];
    }

    void write(int partition, Object record) {
        RecordOutput block = blocks[partition];
        if (block == null) {
            block = blocks[partition] = new RecordOutput(1 << 10);
        }
        RecordSerde.write(record, block);
        records++;
        if (block.size() >= BLOCK_BYTES) {
            flush(partition);
        }
    }

    private void flush(int partition) {
        RecordOutput block = blocks[partition];
        if (block == null || block.size() == 0) {
            return;
        }
        if (framed[partition] == null) {
            framed[partition] = new ByteSink(block.size() / 2 + 64);
        }
        codec.writeFrame(block.array(), block.size(), framed[partition]);
        block.reset();
    }

    ShuffleMapStatus commit() throws IOException {
        String tag = "map-" + mapId + "-attempt-" + attempt + "-" + UUID.randomUUID();
        Path data = new Path(directory, tag + ".data");
        long[] offsets = new long[blocks.length + 1];
        fs.mkdirs(directory);
        try (FSDataOutputStream out = fs.create(data, false)) {
            for (int p = 0; p < blocks.length; p++) {
                flush(p);
                blocks[p] = null;
                offsets[p] = out.getPos();
                if (framed[p] != null) {
                    out.write(framed[p].array(), 0, framed[p].size());
                    framed[p] = null;
                }
            }
            offsets[blocks.length] = out.getPos();
        }
        ShuffleIndex.Committed committed = new ShuffleIndex(data.getName(), offsets)
                .commit(fs, directory, mapId, tag, data);
        return new ShuffleMapStatus(committed.path().toString(), committed.index().partitionBytes(),
                committed.won() ? records : 0);
    }
}
