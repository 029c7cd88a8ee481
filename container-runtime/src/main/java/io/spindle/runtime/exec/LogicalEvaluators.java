package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;

/** AND, OR, NOT, IS NULL and IS NOT NULL on vectors, with SQL three-valued logic. */
final class LogicalEvaluators {
    private LogicalEvaluators() {}

    /** AND (or OR when {@code isOr}): the dominant value (false / true) wins over NULL. */
    static final class AndOr extends VectorEvaluator {
        private final VectorEvaluator left;
        private final VectorEvaluator right;
        private final boolean isOr;
        private ColumnVector output;

        AndOr(VectorEvaluator left, VectorEvaluator right, boolean isOr) {
            super(DataType.BOOLEAN);
            this.left = left;
            this.right = right;
            this.isOr = isOr;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector l = left.evaluate(batch);
            ColumnVector r = right.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, DataType.BOOLEAN, rows);
            boolean[] a = ((BooleanVector) l).values();
            boolean[] b = ((BooleanVector) r).values();
            boolean[] out = ((BooleanVector) output).values();
            if (l.noNulls() && r.noNulls()) {
                if (isOr) {
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] | b[i];
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        out[i] = a[i] & b[i];
                    }
                }
                return output;
            }
            boolean[] an = l.nulls();
            boolean[] bn = r.nulls();
            boolean[] nulls = output.nulls();
            for (int i = 0; i < rows; i++) {
                // The dominant value is true for OR and false for AND.
                boolean aDominates = !an[i] && a[i] == isOr;
                boolean bDominates = !bn[i] && b[i] == isOr;
                if (aDominates || bDominates) {
                    out[i] = isOr;
                } else if (an[i] || bn[i]) {
                    nulls[i] = true;
                } else {
                    out[i] = !isOr;
                }
            }
            output.updateNoNulls(rows);
            return output;
        }
    }

    static final class NotEvaluator extends VectorEvaluator {
        private final VectorEvaluator child;
        private ColumnVector output;

        NotEvaluator(VectorEvaluator child) {
            super(DataType.BOOLEAN);
            this.child = child;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector input = child.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, DataType.BOOLEAN, rows);
            boolean[] in = ((BooleanVector) input).values();
            boolean[] out = ((BooleanVector) output).values();
            for (int i = 0; i < rows; i++) {
                out[i] = !in[i];
            }
            copyNulls(input, output, rows);
            return output;
        }
    }

    /** IS NULL, or IS NOT NULL when {@code negated}; never null. */
    static final class NullTest extends VectorEvaluator {
        private final VectorEvaluator child;
        private final boolean negated;
        private ColumnVector output;

        NullTest(VectorEvaluator child, boolean negated) {
            super(DataType.BOOLEAN);
            this.child = child;
            this.negated = negated;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            ColumnVector input = child.evaluate(batch);
            int rows = batch.rowCount();
            output = reuse(output, DataType.BOOLEAN, rows);
            boolean[] out = ((BooleanVector) output).values();
            boolean[] nulls = input.nulls();
            for (int i = 0; i < rows; i++) {
                out[i] = nulls[i] != negated;
            }
            return output;
        }
    }
}
