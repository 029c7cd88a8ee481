package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import io.spindle.runtime.shuffle.BatchSerde;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Rows an operator must hold together and read back, possibly more than once (a sort-merge join's
 * run of right rows with one key; a window's open peer group). Rows are copied into chunks of
 * {@code chunkRows}; a full chunk stays in memory while the task budget grants it, and once a grant
 * is refused this chunk and every later one go to a local spill file (LZ4 blocks in the shuffle
 * format). Only the open chunk is held outside the budget, and when reading starts before anything
 * went to disk it stays in memory, so a few rows never cost a file. Reading: {@link #rewind()},
 * then {@link #next()} gives the chunks in the order appended (memory ones first — they were
 * appended first). Closing releases the memory and deletes the file.
 */
final class SpillableRowBuffer implements AutoCloseable {
    private final Schema schema;
    private final TaskMemoryBudget budget;
    private final Path spillDirectory;
    private final int chunkRows;
    private final String purpose;
    private final List<ColumnBatch> memory = new ArrayList<>();
    private ColumnBatch open;
    private long reserved;
    private long openReserved;
    private int rows;
    private int spilledChunks;
    private Path file;
    private DataOutputStream out;
    private DataInputStream in;
    private final ByteSink block = new ByteSink(1 << 16);
    private final ByteSink framed = new ByteSink(1 << 16);
    private final BlockCodec codec = new BlockCodec("lz4");
    private int readIndex;

    /** @param purpose what the rows are, for error messages ("the sort-merge join run") */
    SpillableRowBuffer(Schema schema, TaskMemoryBudget budget, Path spillDirectory, int chunkRows, String purpose) {
        this.schema = schema;
        this.budget = budget;
        this.spillDirectory = spillDirectory;
        this.chunkRows = Math.max(1, chunkRows);
        this.purpose = purpose;
    }

    int rowCount() {
        return rows;
    }

    /** Chunks written to the spill file so far (0: all in memory). */
    int spilledChunks() {
        return spilledChunks;
    }

    /** Copies rows {@code rows[from, from + count)} of {@code source} in. */
    void append(ColumnBatch source, int[] sourceRows, int from, int count) {
        while (count > 0) {
            if (open == null) { // small first: most runs of a key are a few rows; vectors grow as rows come
                open = ColumnBatch.allocate(schema, Math.min(chunkRows, Math.max(16, count)));
            }
            int take = Math.min(count, chunkRows - open.rowCount());
            int at = open.rowCount();
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gather(source.column(c), sourceRows, from, take, open.column(c), at);
            }
            open.setRowCount(at + take);
            rows += take;
            from += take;
            count -= take;
            long estimate = Vectors.estimateBytes(open);
            budget.reserve(estimate - openReserved); // the open chunk must fit, whatever the budget
            openReserved = estimate;
            if (open.rowCount() == chunkRows) {
                seal();
            }
        }
    }

    /** The open chunk joins the others: in memory if the budget grants it, else on disk. */
    private void seal() {
        if (open == null || open.rowCount() == 0) {
            return;
        }
        ColumnBatch chunk = open;
        open = null;
        budget.release(openReserved);
        long estimate = openReserved;
        openReserved = 0;
        if (out == null && spilledChunks == 0 && budget.tryReserve(estimate)) {
            memory.add(chunk);
            reserved += estimate;
            return;
        }
        write(chunk);
    }

    private void write(ColumnBatch chunk) {
        try {
            if (out == null) {
                Files.createDirectories(spillDirectory);
                file = Files.createTempFile(spillDirectory, "spindle-rows-", ".spill");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            block.reset();
            BatchSerde.write(chunk, block);
            framed.reset();
            codec.writeFrame(block.array(), block.size(), framed);
            out.writeInt(framed.size());
            out.write(framed.array(), 0, framed.size());
            spilledChunks++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill " + purpose + " to " + spillDirectory + " (spindle.local.dir): "
                    + e.getMessage(), e);
        }
    }

    /** Starts reading from the first chunk; the open chunk joins the others (in memory if nothing is on disk). */
    void rewind() {
        if (out == null && open != null && open.rowCount() > 0) {
            memory.add(open); // its memory is already reserved
            reserved += openReserved;
            open = null;
            openReserved = 0;
        }
        seal();
        readIndex = 0;
        try {
            if (out != null) {
                out.flush();
            }
            if (in != null) {
                in.close();
                in = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back " + purpose + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next chunk, or null after the last. A spilled chunk is read fresh; do not keep it past the next call. */
    ColumnBatch next() {
        if (readIndex < memory.size()) {
            return memory.get(readIndex++);
        }
        if (readIndex - memory.size() >= spilledChunks) {
            return null;
        }
        try {
            if (in == null) {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            }
            int length = in.readInt();
            byte[] data = new byte[length];
            in.readFully(data);
            readIndex++;
            return BatchSerde.read(schema, codec.readFrame(data, new int[] {0}), new int[] {0});
        } catch (EOFException e) {
            throw new IllegalStateException("The spill file of " + purpose + " " + file + " ended early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back " + purpose + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Drops every row and releases their memory; the buffer can be filled again. */
    void clear() {
        close();
        memory.clear();
        rows = 0;
        spilledChunks = 0;
        readIndex = 0;
    }

    @Override
    public void close() {
        budget.release(reserved + openReserved);
        reserved = 0;
        openReserved = 0;
        open = null;
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the spill file of " + purpose + " " + file, e);
        } finally {
            out = null;
            in = null;
            file = null;
        }
    }
}
