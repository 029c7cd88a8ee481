package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;

/** A literal as a vector, filled once and reused while batches fit in it. */
final class ConstantEvaluator extends VectorEvaluator {
    private final Object value;
    private ColumnVector filled;

    ConstantEvaluator(Object value, DataType type) {
        super(type);
        this.value = value;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (filled == null || filled.capacity() < rows) {
            filled = ColumnVector.allocate(type(), Math.max(rows, 4096));
            for (int r = 0; r < filled.capacity(); r++) {
                filled.set(r, value);
            }
        }
        return filled;
    }
}
