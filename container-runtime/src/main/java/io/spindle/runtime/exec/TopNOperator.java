package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import java.util.List;

/**
 * The first {@code limit} rows by the sort keys, in memory proportional to the limit: rows are
 * buffered and, whenever the buffer passes a few times the limit, sorted and cut back to it.
 */
public final class TopNOperator implements Operator {
    private final long limit;
    private final List<VectorEvaluator> keys;
    private final RowComparator comparator;
    private final Schema schema;
    private final BatchBuffer buffer;
    private final int batchRows;
    private boolean finishing;
    private ColumnBatch result;
    private int[] order;
    private int emitted;
    private int resultRows;

    public TopNOperator(long limit, List<VectorEvaluator> keys, boolean[] ascending, boolean[] nullsFirst,
            Schema schema, int batchRows) {
        this.limit = limit;
        this.keys = keys;
        this.comparator = new RowComparator(ascending, nullsFirst);
        this.schema = schema;
        this.buffer = new BatchBuffer(schema);
        this.batchRows = batchRows;
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        if (limit == 0) {
            return;
        }
        buffer.add(batch);
        if (buffer.rows() > Math.max(4 * limit, 4096)) {
            compact();
        }
    }

    /** Sorts the buffer and keeps its first {@code limit} rows. */
    private void compact() {
        ColumnBatch all = buffer.drain();
        int[] sorted = sortedOrder(all);
        int keep = (int) Math.min(limit, all.rowCount());
        if (keep > 0) {
            buffer.add(Vectors.select(all, schema, sorted, keep));
        }
    }

    private int[] sortedOrder(ColumnBatch all) {
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = keys.get(k).evaluate(all);
        }
        return comparator.sortedRows(keyVectors, all.rowCount());
    }

    @Override
    public void finish() {
        if (!finishing) {
            finishing = true;
            result = buffer.drain();
            order = sortedOrder(result);
            resultRows = (int) Math.min(limit, result.rowCount());
        }
    }

    @Override
    public ColumnBatch getOutput() {
        if (!finishing || emitted >= resultRows) {
            return null;
        }
        int count = Math.min(batchRows, resultRows - emitted);
        ColumnBatch out = ColumnBatch.allocate(schema, count);
        for (int c = 0; c < schema.size(); c++) {
            Vectors.gather(result.column(c), order, emitted, count, out.column(c), 0);
        }
        out.setRowCount(count);
        emitted += count;
        return out;
    }

    @Override
    public boolean isFinished() {
        return finishing && emitted >= resultRows;
    }
}
