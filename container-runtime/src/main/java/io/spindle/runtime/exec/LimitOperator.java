package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;

/** Passes the first {@code limit} rows and then asks for no more input. */
public final class LimitOperator extends StreamingOperator {
    private final Schema schema;
    private long remaining;

    public LimitOperator(long limit, Schema schema) {
        this.remaining = limit;
        this.schema = schema;
    }

    @Override
    protected ColumnBatch process(ColumnBatch batch) {
        if (remaining <= 0) {
            return null;
        }
        int rows = batch.rowCount();
        if (rows <= remaining) {
            remaining -= rows;
            return batch;
        }
        int keep = (int) remaining;
        remaining = 0;
        return Vectors.select(batch, schema, Vectors.identity(keep), keep);
    }

    @Override
    protected boolean done() {
        return remaining <= 0;
    }
}
