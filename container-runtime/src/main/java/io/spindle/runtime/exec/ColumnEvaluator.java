package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;

/** An input column: returned as is, no copy. */
final class ColumnEvaluator extends VectorEvaluator {
    private final int ordinal;

    ColumnEvaluator(int ordinal, DataType type) {
        super(type);
        this.ordinal = ordinal;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        return batch.column(ordinal);
    }
}
