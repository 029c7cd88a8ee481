package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact copies of input batches (arrays sized to their rows), read in place or concatenated on
 * demand into one batch. {@link #bytes()} is what the copies retain on the heap.
 */
final class BatchBuffer {
    private final Schema schema;
    private final List<ColumnBatch> batches = new ArrayList<>();
    private int rows;
    private long bytes;

    BatchBuffer(Schema schema) {
        this.schema = schema;
    }

    /** Copies the batch in; returns the heap bytes the copy retains. */
    long add(ColumnBatch batch) {
        ColumnBatch copy = Vectors.compactCopy(batch, schema);
        batches.add(copy);
        rows += copy.rowCount();
        long size = Vectors.retainedBytes(copy);
        bytes += size;
        return size;
    }

    int rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    /** The buffered copies, in the order added; valid until {@link #clear()} or {@link #drain()}. */
    List<ColumnBatch> batches() {
        return batches;
    }

    void clear() {
        batches.clear();
        rows = 0;
        bytes = 0;
    }

    /** All rows as one batch; the buffer is emptied. */
    ColumnBatch drain() {
        ColumnBatch all = ColumnBatch.allocate(schema, Math.max(1, rows));
        int at = 0;
        for (ColumnBatch batch : batches) {
            int[] identity = Vectors.identity(batch.rowCount());
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gather(batch.column(c), identity, 0, batch.rowCount(), all.column(c), at);
            }
            at += batch.rowCount();
        }
        all.setRowCount(rows);
        batches.clear();
        rows = 0;
        bytes = 0;
        return all;
    }
}
