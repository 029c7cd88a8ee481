package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * One conjunct of a filter condition: narrows a selection of row indices to the rows for which it
 * is true. A row passes {@code a AND b AND c} exactly when each conjunct is true (false and NULL
 * both drop it), so a filter applies its conjuncts one after another, each looking only at the
 * rows the previous ones kept, and a conjunct that keeps nothing ends the batch (as Spark's AND
 * does not evaluate its right side after a false left side).
 */
abstract class FilterConjunct {

    /**
     * Keeps the rows of {@code selection[0 .. count)} (ascending row indices) that pass, in order,
     * at the front of {@code selection}; returns how many.
     */
    abstract int select(ColumnBatch batch, int[] selection, int count);

    /**
     * The conjuncts of a condition: comparisons of a column with a constant get a kernel that
     * reads only the selected rows; anything else is evaluated over the batch.
     */
    static List<FilterConjunct> compile(Expression condition) {
        List<Expression> parts = new ArrayList<>();
        split(condition, parts);
        List<FilterConjunct> cheap = new ArrayList<>();
        List<FilterConjunct> evaluated = new ArrayList<>();
        for (Expression part : parts) {
            FilterConjunct kernel = ColumnConstantConjunct.tryCreate(part);
            if (kernel != null) {
                cheap.add(kernel);
            } else {
                evaluated.add(new Evaluated(EvaluatorCompiler.compile(part)));
            }
        }
        cheap.addAll(evaluated);
        return cheap;
    }

    private static void split(Expression condition, List<Expression> parts) {
        if (condition instanceof And and) {
            split(and.left(), parts);
            split(and.right(), parts);
        } else {
            parts.add(condition);
        }
    }

    /** A boolean expression evaluated over the whole batch; keeps selected rows that are true. */
    static final class Evaluated extends FilterConjunct {
        private final VectorEvaluator condition;

        Evaluated(VectorEvaluator condition) {
            this.condition = condition;
        }

        @Override
        int select(ColumnBatch batch, int[] selection, int count) {
            ColumnVector result = condition.evaluate(batch);
            boolean[] values = ((BooleanVector) result).values();
            int kept = 0;
            if (result.noNulls()) {
                for (int j = 0; j < count; j++) {
                    int row = selection[j];
                    selection[kept] = row;
                    kept += values[row] ? 1 : 0; // branch-free
                }
            } else {
                boolean[] nulls = result.nulls();
                for (int j = 0; j < count; j++) {
                    int row = selection[j];
                    selection[kept] = row;
                    kept += values[row] & !nulls[row] ? 1 : 0;
                }
            }
            return kept;
        }
    }
}
