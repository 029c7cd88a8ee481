package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * CASE WHEN and COALESCE on vectors: every branch is evaluated for the whole batch, each row's
 * branch is chosen into an int array, and one typed loop copies the chosen values. Evaluating a
 * branch for rows that do not take it is only safe when it cannot fail, so
 * {@link FunctionKernels} uses these only for branches that cannot raise an error (no division,
 * overflowing arithmetic, casts or functions); others stay on the row-by-row path.
 */
final class ConditionalEvaluators {
    private ConditionalEvaluators() {}

    /** {@code CASE WHEN c1 THEN v1 ... ELSE e END}: the first branch whose condition is true (not NULL). */
    static final class CaseWhenEvaluator extends VectorEvaluator {
        private final List<VectorEvaluator> conditions;
        private final VectorEvaluator[] values;
        private int[] choice = new int[0];

        CaseWhenEvaluator(DataType type, List<VectorEvaluator> conditions, List<VectorEvaluator> values,
                VectorEvaluator elseValue) {
            super(type);
            this.conditions = conditions;
            this.values = new VectorEvaluator[values.size() + 1];
            for (int i = 0; i < values.size(); i++) {
                this.values[i] = values.get(i);
            }
            this.values[values.size()] = elseValue;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            int rows = batch.rowCount();
            if (choice.length < rows) {
                choice = new int[Math.max(rows, 1024)];
            }
            int elseBranch = conditions.size();
            java.util.Arrays.fill(choice, 0, rows, elseBranch);
            for (int branch = conditions.size() - 1; branch >= 0; branch--) {
                // Later branches first, so an earlier true condition overwrites them.
                ColumnVector condition = conditions.get(branch).evaluate(batch);
                boolean[] truth = ((BooleanVector) condition).values();
                boolean[] nulls = condition.nulls();
                boolean noNulls = condition.noNulls();
                for (int r = 0; r < rows; r++) {
                    if (truth[r] && (noNulls || !nulls[r])) {
                        choice[r] = branch;
                    }
                }
            }
            ColumnVector[] sources = new ColumnVector[values.length];
            for (int i = 0; i < values.length; i++) {
                sources[i] = values[i].evaluate(batch);
            }
            return pick(type(), sources, choice, rows);
        }
    }

    /** {@code coalesce(a, b, ...)}: each row's first non-NULL argument. */
    static final class CoalesceEvaluator extends VectorEvaluator {
        private final List<VectorEvaluator> arguments;
        private int[] choice = new int[0];

        CoalesceEvaluator(DataType type, List<VectorEvaluator> arguments) {
            super(type);
            this.arguments = arguments;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            int rows = batch.rowCount();
            if (choice.length < rows) {
                choice = new int[Math.max(rows, 1024)];
            }
            java.util.Arrays.fill(choice, 0, rows, -1);
            ColumnVector[] sources = new ColumnVector[arguments.size()];
            for (int i = arguments.size() - 1; i >= 0; i--) {
                sources[i] = arguments.get(i).evaluate(batch);
                boolean[] nulls = sources[i].nulls();
                boolean noNulls = sources[i].noNulls();
                for (int r = 0; r < rows; r++) {
                    if (noNulls || !nulls[r]) {
                        choice[r] = i;
                    }
                }
            }
            return pick(type(), sources, choice, rows);
        }
    }

    /** A fresh vector whose row r is {@code sources[choice[r]]}'s row r, NULL where choice is -1. */
    static ColumnVector pick(DataType type, ColumnVector[] sources, int[] choice, int rows) {
        ColumnVector out = ColumnVector.allocate(type, Math.max(rows, 16));
        boolean[] outNulls = out.nulls();
        boolean anyNull = false;
        for (int r = 0; r < rows; r++) {
            int c = choice[r];
            boolean isNull = c < 0 || sources[c].isNull(r);
            outNulls[r] = isNull;
            anyNull |= isNull;
        }
        if (out instanceof LongVector target) {
            long[] values = target.values();
            long[][] in = new long[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                in[i] = ((LongVector) sources[i]).values();
            }
            for (int r = 0; r < rows; r++) {
                values[r] = outNulls[r] ? 0 : in[choice[r]][r];
            }
        } else if (out instanceof IntVector target) {
            int[] values = target.values();
            int[][] in = new int[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                in[i] = ((IntVector) sources[i]).values();
            }
            for (int r = 0; r < rows; r++) {
                values[r] = outNulls[r] ? 0 : in[choice[r]][r];
            }
        } else if (out instanceof DoubleVector target) {
            double[] values = target.values();
            double[][] in = new double[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                in[i] = ((DoubleVector) sources[i]).values();
            }
            for (int r = 0; r < rows; r++) {
                values[r] = outNulls[r] ? 0 : in[choice[r]][r];
            }
        } else if (out instanceof BooleanVector target) {
            boolean[] values = target.values();
            boolean[][] in = new boolean[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                in[i] = ((BooleanVector) sources[i]).values();
            }
            for (int r = 0; r < rows; r++) {
                values[r] = !outNulls[r] && in[choice[r]][r];
            }
        } else if (out instanceof BytesVector target) {
            for (int r = 0; r < rows; r++) {
                if (outNulls[r]) {
                    target.set(r, EMPTY, 0, 0);
                } else {
                    BytesVector source = (BytesVector) sources[choice[r]];
                    int start = source.offsets()[r];
                    target.set(r, source.data(), start, source.offsets()[r + 1] - start);
                }
            }
        } else {
            DecimalVector target = (DecimalVector) out;
            for (int r = 0; r < rows; r++) {
                if (!outNulls[r]) {
                    DecimalVector source = (DecimalVector) sources[choice[r]];
                    target.set(r, source.high()[r], source.low()[r]);
                }
            }
        }
        if (anyNull) {
            out.updateNoNulls(rows);
        }
        return out;
    }

    private static final byte[] EMPTY = new byte[0];
}
