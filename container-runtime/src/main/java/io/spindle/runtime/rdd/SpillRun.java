package io.spindle.runtime.rdd;

import io.spindle.rdd.RecordInput;
import io.spindle.rdd.RecordOutput;
import io.spindle.rdd.RecordSerde;
import io.spindle.runtime.shuffle.BlockCodec;
import io.spindle.runtime.shuffle.ByteSink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sorted run of records on local disk (spindle.local.dir), LZ4-framed blocks of serialized
 * records, read back in order once. The file is deleted when the run is exhausted or closed.
 */
final class SpillRun<T> implements Iterator<T>, AutoCloseable {
    private static final int BLOCK_BYTES = 64 << 10;

    private final Path path;
    private final BlockCodec codec = new BlockCodec("lz4");
    private DataInputStream in;
    private RecordInput block;
    private boolean closed;

    private SpillRun(Path path) {
        this.path = path;
    }

    static <T> SpillRun<T> write(String localDir, Iterator<?> records) {
        try {
            Path directory = Path.of(localDir.isEmpty() ? System.getProperty("java.io.tmpdir") : localDir);
            Files.createDirectories(directory);
            Path path = Files.createTempFile(directory, "spindle-rdd-spill-", ".run");
            BlockCodec codec = new BlockCodec("lz4");
            RecordOutput block = new RecordOutput(BLOCK_BYTES + 1024);
            ByteSink framed = new ByteSink(BLOCK_BYTES);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path),
                    1 << 16))) {
                while (records.hasNext()) {
                    RecordSerde.write(records.next(), block);
                    if (block.size() >= BLOCK_BYTES) {
                        writeBlock(codec, block, framed, out);
                    }
                }
                writeBlock(codec, block, framed, out);
            }
            SpillMetrics.recordSpill(Files.size(path));
            return new SpillRun<>(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a spill run: " + e.getMessage(), e);
        }
    }

    private static void writeBlock(BlockCodec codec, RecordOutput block, ByteSink framed, DataOutputStream out)
            throws IOException {
        if (block.size() == 0) {
            return;
        }
        framed.reset();
        codec.writeFrame(block.array(), block.size(), framed);
        out.writeInt(framed.size());
        out.write(framed.array(), 0, framed.size());
        block.reset();
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        try {
            if (in == null) {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            }
            while (block == null || !block.hasRemaining()) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    close();
                    return false;
                }
                byte[] frame = new byte[length];
                in.readFully(frame);
                byte[] raw = codec.readFrame(frame, new int[] {0});
                block = new RecordInput(raw, 0, raw.length);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spill run " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return RecordSerde.read(block);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (in != null) {
                in.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
