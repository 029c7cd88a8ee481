package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.shuffle.BatchSerde;
import io.spindle.runtime.shuffle.BlockCodec;
import io.spindle.runtime.shuffle.ByteSink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A run of sorted rows on local disk (spindle.local.dir), as LZ4-framed columnar blocks in the
 * shuffle format, read back block by block. Deleted when closed.
 */
final class SpillFile implements AutoCloseable {
    private final Path path;
    private final Schema schema;
    private final BlockCodec codec = new BlockCodec("lz4");
    private DataInputStream in;

    private SpillFile(Path path, Schema schema) {
        this.path = path;
        this.schema = schema;
    }

    /** Writes {@code sorted}'s rows, in {@code rows} order, in blocks of {@code blockRows}. */
    static SpillFile write(Path directory, Schema schema, ColumnBatch sorted, int[] rows, int blockRows)
            throws IOException {
        int[] next = {0};
        return write(directory, schema, () -> {
            int from = next[0];
            if (from >= sorted.rowCount()) {
                return null;
            }
            int count = Math.min(blockRows, sorted.rowCount() - from);
            ColumnBatch chunk = ColumnBatch.allocate(schema, count);
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gather(sorted.column(c), rows, from, count, chunk.column(c), 0);
            }
            chunk.setRowCount(count);
            next[0] += count;
            return chunk;
        });
    }

    /** Writes the blocks {@code blocks} supplies, in order, until it returns null. */
    static SpillFile write(Path directory, Schema schema, Supplier<ColumnBatch> blocks) throws IOException {
        Files.createDirectories(directory);
        SortSpillMetrics.runWritten();
        Path path = Files.createTempFile(directory, "spindle-spill-", ".run");
        ByteSink block = new ByteSink(1 << 16);
        ByteSink framed = new ByteSink(1 << 16);
        BlockCodec codec = new BlockCodec("lz4");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            DataOutputStream data = new DataOutputStream(out);
            for (ColumnBatch chunk = blocks.get(); chunk != null; chunk = blocks.get()) {
                block.reset();
                BatchSerde.write(chunk, block);
                framed.reset();
                codec.writeFrame(block.array(), block.size(), framed);
                data.writeInt(framed.size());
                data.write(framed.array(), 0, framed.size());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        return new SpillFile(path, schema);
    }

    /** The next block of the run, or null at its end. */
    ColumnBatch next() throws IOException {
        if (in == null) {
            InputStream stream = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in = new DataInputStream(stream);
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        byte[] framed = new byte[length];
        in.readFully(framed);
        byte[] raw = codec.readFrame(framed, new int[] {0});
        return BatchSerde.read(schema, raw, new int[] {0});
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
        Files.deleteIfExists(path);
    }
}
