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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One grace partition of a join side on local disk: batches appended as LZ4-framed blocks in the
 * shuffle format, then read back in order. Deleted when closed. Every file and byte written is
 * counted in {@link JoinSpillMetrics}.
 */
final class JoinSpillFile implements AutoCloseable {
    private final Path path;
    private final Schema schema;
    private final BlockCodec codec = new BlockCodec("lz4");
    private final ByteSink block = new ByteSink(1 << 16);
    private final ByteSink framed = new ByteSink(1 << 16);
    private DataOutputStream out;
    private DataInputStream in;
    private long bytes;

    JoinSpillFile(Path directory, Schema schema) throws IOException {
        Files.createDirectories(directory);
        this.path = Files.createTempFile(directory, "spindle-join-", ".part");
        this.schema = schema;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
        JoinSpillMetrics.fileWritten();
    }

    void append(ColumnBatch batch) throws IOException {
        if (batch.rowCount() == 0) {
            return;
        }
        block.reset();
        BatchSerde.write(batch, block);
        framed.reset();
        codec.writeFrame(block.array(), block.size(), framed);
        out.writeInt(framed.size());
        out.write(framed.array(), 0, framed.size());
        bytes += 4 + framed.size();
        JoinSpillMetrics.bytesWritten(4 + framed.size());
    }

    long bytes() {
        return bytes;
    }

    /** The next batch, or null at the end; the first call ends writing. */
    ColumnBatch next() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        if (in == null) {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        }
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        byte[] data = new byte[length];
        in.readFully(data);
        byte[] raw = codec.readFrame(data, new int[] {0});
        return BatchSerde.read(schema, raw, new int[] {0});
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        if (in != null) {
            in.close();
            in = null;
        }
        Files.deleteIfExists(path);
    }
}
