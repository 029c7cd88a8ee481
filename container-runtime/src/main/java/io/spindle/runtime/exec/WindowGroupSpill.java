package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows of a window's open peer group that did not fit the task budget. Without an order every
 * row of a partition is a peer, and an order with many ties makes big groups too; their aggregate
 * values are known only once the group closes. {@link WindowOperator} moves such rows out as
 * output rows whose other values are already final (input columns, ranks, lag, lead) into a
 * {@link SpillableRowBuffer}; when the group closes, the aggregates' final values are captured
 * from the running state and the rows are read back with those values filled in, before any
 * later row goes out.
 */
final class WindowGroupSpill implements AutoCloseable {
    private static final AtomicLong SPILLED_CHUNKS = new AtomicLong();

    private final SpillableRowBuffer rows;
    private final Schema outputSchema;
    private final List<WindowSlot> slots;
    private final int inputWidth;
    private long[][] captured; // per aggregate slot, once the group closed
    private int countedChunks;

    WindowGroupSpill(Schema outputSchema, List<WindowSlot> slots, int inputWidth, TaskMemoryBudget budget,
            Path spillDirectory, int chunkRows) {
        this.outputSchema = outputSchema;
        this.slots = slots;
        this.inputWidth = inputWidth;
        this.rows = new SpillableRowBuffer(outputSchema, budget, spillDirectory, chunkRows,
                "a window's open peer group");
    }

    /** Chunks of open peer groups window operators wrote to disk in this JVM. */
    static long spilledChunks() {
        return SPILLED_CHUNKS.get();
    }

    boolean holdsRows() {
        return rows.rowCount() > 0;
    }

    /** Takes output rows of the open group whose aggregate columns are not final yet. */
    void add(ColumnBatch outputRows) {
        rows.append(outputRows, Vectors.identity(outputRows.rowCount()), 0, outputRows.rowCount());
    }

    /** The open group closed; the slots' running state holds its final values. */
    void groupClosed() {
        if (!holdsRows() || captured != null) {
            return;
        }
        captured = new long[slots.size()][];
        for (int f = 0; f < slots.size(); f++) {
            if (slots.get(f) != null) {
                captured[f] = slots.get(f).captureRunning();
            }
        }
        rows.rewind();
        SPILLED_CHUNKS.addAndGet(rows.spilledChunks() - countedChunks);
        countedChunks = rows.spilledChunks();
    }

    /** Whether closed-group rows wait to go out (they go before any later row). */
    boolean readyToReplay() {
        return captured != null;
    }

    /** The next chunk of the closed group with its final aggregate values, or null when all went out. */
    ColumnBatch nextReplayed() {
        ColumnBatch chunk = rows.next();
        if (chunk == null) {
            rows.clear();
            captured = null;
            countedChunks = 0;
            return null;
        }
        ColumnVector[] columns = new ColumnVector[outputSchema.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = chunk.column(c);
        }
        for (int f = 0; f < slots.size(); f++) {
            if (slots.get(f) != null) {
                columns[inputWidth + f] = slots.get(f).constant(captured[f], chunk.rowCount());
            }
        }
        return new ColumnBatch(outputSchema, columns, chunk.rowCount());
    }

    @Override
    public void close() {
        rows.close();
    }
}
