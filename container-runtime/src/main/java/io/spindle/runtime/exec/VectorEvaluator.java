package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;

/**
 * A compiled expression: evaluates a whole batch at once into a vector, with one loop per
 * specialized (operator, type) pair and no per-row virtual call or boxing. The returned vector
 * may be an input column or a buffer the evaluator reuses on its next call, so callers consume or
 * copy it before evaluating the next batch.
 */
public abstract class VectorEvaluator {
    private final DataType type;

    protected VectorEvaluator(DataType type) {
        this.type = type;
    }

    public final DataType type() {
        return type;
    }

    public abstract ColumnVector evaluate(ColumnBatch batch);

    /** A reusable output vector with room for {@code rows}, nulls cleared. */
    protected static ColumnVector reuse(ColumnVector previous, DataType type, int rows) {
        if (previous == null || previous.capacity() < rows) {
            return ColumnVector.allocate(type, Math.max(rows, 16));
        }
        previous.reset();
        return previous;
    }

    /**
     * Sets {@code out}'s null mask to the union of the inputs' masks over [0, rows); returns
     * whether any row is null (callers then skip null rows so garbage values raise no error).
     */
    protected static boolean unionNulls(ColumnVector left, ColumnVector right, ColumnVector out, int rows) {
        if (left.noNulls() && right.noNulls()) {
            return false;
        }
        boolean[] target = out.nulls();
        boolean[] a = left.nulls();
        boolean[] b = right.nulls();
        for (int r = 0; r < rows; r++) {
            target[r] = a[r] | b[r];
        }
        out.updateNoNulls(rows);
        return !out.noNulls();
    }

    protected static boolean copyNulls(ColumnVector input, ColumnVector out, int rows) {
        if (input.noNulls()) {
            return false;
        }
        System.arraycopy(input.nulls(), 0, out.nulls(), 0, rows);
        out.updateNoNulls(rows);
        return !out.noNulls();
    }
}
