package io.spindle.runtime.shuffle;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import io.spindle.plan.stage.StageTaskResult.MapOutput;
import io.spindle.runtime.exec.Vectors;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one map task attempt's output: rows go to per-partition buffers, full buffers become
 * (compressed) columnar blocks, and {@link #commit()} writes ONE data file with the partitions one
 * after the other and ONE index of their offsets.
 *
 * <p>Commit protocol. The data file has a name unique to the attempt, so attempts never collide.
 * The index is written under a temporary name and renamed to {@code map-<mapId>.index}; the first
 * attempt to do so wins. A later or concurrent duplicate finds the index in place, deletes its own
 * files and reports the winner's output, so reducers never see two copies of a map's rows. HDFS's
 * rename refuses to replace an existing file, which makes this atomic across executors; the local
 * file system's rename would replace, so there (one JVM in local mode) a lock serializes commits.
 *
 * <p>Partition buffers are held in memory, serialized and compressed; spilling them is future work.
 */
public final class ShuffleWriter {
    private static final int BLOCK_ROWS = 4096;
    /**
     * Rows a partition buffer starts with; it doubles up to {@link #BLOCK_ROWS}. With hundreds of
     * partitions most buffers stay small, and allocating (zeroing) full blocks for each cost more
     * than the rows they hold.
     */
    private static final int FIRST_BUFFER_ROWS = 64;

    private final FileSystem fs;
    private final Path directory;
    private final int mapId;
    private final int attempt;
    private final Schema schema;
    private final BlockCodec codec;
    private final ColumnBatch[] buffers;
    private final ByteSink[] outputs;
    private final ByteSink scratch = new ByteSink(1 << 16);
    private int[] order = new int[0];
    private long rows;

    public ShuffleWriter(FileSystem fs, Path directory, int mapId, int attempt, Schema schema, int partitions,
            String codec) {
        this.fs = fs;
        this.directory = directory;
        this.mapId = mapId;
        this.attempt = attempt;
        this.schema = schema;
        this.codec = new BlockCodec(codec);
        this.buffers = new ColumnBatch[partitions];
        this.outputs = new ByteSink[partitions];
    }

    /** Adds the batch's rows, row r going to partition {@code partitionOfRow[r]}. */
    public void write(ColumnBatch batch, int[] partitionOfRow) {
        int count = batch.rowCount();
        rows += count;
        if (buffers.length == 1) {
            append(0, batch, Vectors.identity(count), 0, count);
            return;
        }
        // Counting sort of the rows by partition, then one gather per partition and column.
        int[] starts = new int[buffers.length + 1];
        for (int r = 0; r < count; r++) {
            starts[partitionOfRow[r] + 1]++;
        }
        for (int p = 0; p < buffers.length; p++) {
            starts[p + 1] += starts[p];
        }
        if (order.length < count) {
            order = new int[count];
        }
        int[] next = starts.clone();
        for (int r = 0; r < count; r++) {
            order[next[partitionOfRow[r]]++] = r;
        }
        for (int p = 0; p < buffers.length; p++) {
            if (starts[p + 1] > starts[p]) {
                append(p, batch, order, starts[p], starts[p + 1] - starts[p]);
            }
        }
    }

    private void append(int partition, ColumnBatch batch, int[] rowsToCopy, int from, int count) {
        while (count > 0) {
            if (buffers[partition] == null) {
                buffers[partition] = ColumnBatch.allocate(schema, Math.min(BLOCK_ROWS, Math.max(FIRST_BUFFER_ROWS, count)));
            }
            ColumnBatch buffer = buffers[partition];
            int take = Math.min(count, BLOCK_ROWS - buffer.rowCount());
            grow(buffer, buffer.rowCount() + take);
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gather(batch.column(c), rowsToCopy, from, take, buffer.column(c), buffer.rowCount());
            }
            buffer.setRowCount(buffer.rowCount() + take);
            if (buffer.rowCount() == BLOCK_ROWS) {
                flush(partition);
            }
            from += take;
            count -= take;
        }
    }

    /** Doubles the buffer's vectors (up to a block) until {@code rows} fit: gather alone would grow by exactly what it adds. */
    private void grow(ColumnBatch buffer, int rows) {
        if (buffer.columnCount() == 0 || buffer.column(0).capacity() >= rows) {
            return;
        }
        int capacity = Math.min(BLOCK_ROWS, Math.max(rows, 2 * buffer.column(0).capacity()));
        for (int c = 0; c < buffer.columnCount(); c++) {
            buffer.column(c).ensureCapacity(capacity);
        }
    }

    private void flush(int partition) {
        ColumnBatch buffer = buffers[partition];
        if (buffer == null || buffer.rowCount() == 0) {
            return;
        }
        scratch.reset();
        BatchSerde.write(buffer, scratch);
        if (outputs[partition] == null) {
            outputs[partition] = new ByteSink(scratch.size() / 2 + 64);
        }
        codec.writeFrame(scratch.array(), scratch.size(), outputs[partition]);
        buffer.reset();
    }

    /** Writes the data file and index and commits them; returns the committed output. */
    public MapOutput commit() throws IOException {
        String tag = "map-" + mapId + "-attempt-" + attempt + "-" + UUID.randomUUID();
        Path data = new Path(directory, tag + ".data");
        long[] offsets = new long[buffers.length + 1];
        fs.mkdirs(directory);
        try (FSDataOutputStream out = fs.create(data, false)) {
            for (int p = 0; p < buffers.length; p++) {
                flush(p);
                offsets[p] = out.getPos();
                if (outputs[p] != null) {
                    out.write(outputs[p].array(), 0, outputs[p].size());
                    outputs[p] = null; // let the buffer go as soon as it is written
                }
            }
            offsets[buffers.length] = out.getPos();
        }
        ShuffleIndex.Committed committed = new ShuffleIndex(data.getName(), offsets)
                .commit(fs, directory, mapId, tag, data);
        return new MapOutput(committed.path().toString(), committed.index().partitionBytes(),
                committed.won() ? rows : 0);
    }

    public static Path indexPath(Path directory, int mapId) {
        return ShuffleIndex.indexPath(directory, mapId);
    }
}
