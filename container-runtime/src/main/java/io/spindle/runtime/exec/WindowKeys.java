package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import java.util.List;

/** Null-safe equality of window keys across rows and batches (NULL equals NULL: they form one group). */
final class WindowKeys {
    private WindowKeys() {}

    static boolean same(ColumnVector a, int ra, ColumnVector b, int rb) {
        boolean aNull = a.isNull(ra);
        boolean bNull = b.isNull(rb);
        if (aNull || bNull) {
            return aNull == bNull;
        }
        if (a instanceof LongVector x) {
            return x.values()[ra] == ((LongVector) b).values()[rb];
        }
        if (a instanceof IntVector x) {
            return x.values()[ra] == ((IntVector) b).values()[rb];
        }
        if (a instanceof DoubleVector x) {
            double u = x.values()[ra];
            double v = ((DoubleVector) b).values()[rb];
            return u == v || (Double.isNaN(u) && Double.isNaN(v));
        }
        if (a instanceof BooleanVector x) {
            return x.values()[ra] == ((BooleanVector) b).values()[rb];
        }
        if (a instanceof BytesVector x) {
            BytesVector y = (BytesVector) b;
            return java.util.Arrays.equals(x.data(), x.offsets()[ra], x.offsets()[ra + 1], y.data(),
                    y.offsets()[rb], y.offsets()[rb + 1]);
        }
        DecimalVector x = (DecimalVector) a;
        DecimalVector y = (DecimalVector) b;
        return x.high()[ra] == y.high()[rb] && x.low()[ra] == y.low()[rb];
    }

    /** Whether row {@code row} has the keys of the row before it: {@code previousRow} of the same vectors, or the kept last row. */
    static boolean sameAsPrevious(ColumnVector[] keys, int row, ColumnVector[] previousBatchLast, int previousRow) {
        for (int k = 0; k < keys.length; k++) {
            boolean same = previousRow >= 0 ? same(keys[k], row, keys[k], previousRow)
                    : same(keys[k], row, previousBatchLast[k], 0);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    static ColumnVector[] evaluateAll(List<VectorEvaluator> evaluators, ColumnBatch batch) {
        ColumnVector[] vectors = new ColumnVector[evaluators.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = evaluators.get(i).evaluate(batch);
        }
        return vectors;
    }

    static ColumnVector[] lastRow(ColumnVector[] vectors, int rows) {
        ColumnVector[] last = new ColumnVector[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            last[i] = ColumnVector.allocate(vectors[i].type(), 1);
            Vectors.gather(vectors[i], new int[] {rows - 1}, 0, 1, last[i], 0);
        }
        return last;
    }
}
