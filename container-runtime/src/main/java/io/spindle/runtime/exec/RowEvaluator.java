package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.ScalarEvaluator;

/**
 * The slow path: evaluates row by row with {@link ScalarEvaluator}, boxing values. Used only for
 * expressions without a vectorized kernel yet (casts from strings, IN, CASE, decimal division);
 * the compiler names them so they can be found and specialized.
 */
final class RowEvaluator extends VectorEvaluator {
    private final Expression expression;
    private final int[] ordinals;
    private ColumnVector output;

    RowEvaluator(Expression expression) {
        super(expression.dataType());
        this.expression = expression;
        this.ordinals = expression.collect(BoundRef.class).stream().mapToInt(BoundRef::ordinal).distinct().toArray();
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        int rows = batch.rowCount();
        output = ColumnVector.allocate(type(), Math.max(rows, 16)); // fresh: BytesVector rows fill in order
        int width = 0;
        for (int ordinal : ordinals) {
            width = Math.max(width, ordinal + 1);
        }
        Object[] row = new Object[width];
        for (int r = 0; r < rows; r++) {
            for (int ordinal : ordinals) {
                row[ordinal] = batch.column(ordinal).get(r);
            }
            output.set(r, ScalarEvaluator.eval(expression, row));
        }
        return output;
    }
}
