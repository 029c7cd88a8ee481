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
import io.spindle.plan.expr.CompareOperator;
import java.util.Arrays;

/**
 * Comparisons of two vectors of one type into a boolean vector. Each vector class has its own
 * loop producing the sign of the comparison; the operator is applied in a second tight loop.
 * Strings compare as unsigned UTF-8 bytes (code point order); doubles order NaN last and -0.0 as
 * 0.0. For {@code <=>} a null equals a null and the result is never null.
 */
final class CompareEvaluator extends VectorEvaluator {
    private final CompareOperator operator;
    private final VectorEvaluator left;
    private final VectorEvaluator right;
    private int[] signs = new int[0];
    private ColumnVector output;

    CompareEvaluator(CompareOperator operator, VectorEvaluator left, VectorEvaluator right) {
        super(DataType.BOOLEAN);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        ColumnVector l = left.evaluate(batch);
        ColumnVector r = right.evaluate(batch);
        int rows = batch.rowCount();
        output = reuse(output, DataType.BOOLEAN, rows);
        if (signs.length < rows) {
            signs = new int[Math.max(rows, 1024)];
        }
        compare(l, r, rows, signs);
        boolean[] out = ((BooleanVector) output).values();
        applyOperator(out, rows);
        if (operator == CompareOperator.NULL_SAFE_EQUAL) {
            nullSafe(l, r, out, rows);
        } else {
            unionNulls(l, r, output, rows);
        }
        return output;
    }

    private void applyOperator(boolean[] out, int rows) {
        int[] s = signs;
        switch (operator) {
            case EQUAL:
            case NULL_SAFE_EQUAL:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] == 0;
                }
                break;
            case NOT_EQUAL:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] != 0;
                }
                break;
            case LESS_THAN:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] < 0;
                }
                break;
            case LESS_THAN_OR_EQUAL:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] <= 0;
                }
                break;
            case GREATER_THAN:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] > 0;
                }
                break;
            case GREATER_THAN_OR_EQUAL:
                for (int i = 0; i < rows; i++) {
                    out[i] = s[i] >= 0;
                }
                break;
        }
    }

    private static void nullSafe(ColumnVector l, ColumnVector r, boolean[] out, int rows) {
        if (l.noNulls() && r.noNulls()) {
            return;
        }
        boolean[] a = l.nulls();
        boolean[] b = r.nulls();
        for (int i = 0; i < rows; i++) {
            if (a[i] || b[i]) {
                out[i] = a[i] && b[i];
            }
        }
    }

    /** Signs of {@code l[i]} vs {@code r[i]}; values of null rows are compared too but not used. */
    static void compare(ColumnVector l, ColumnVector r, int rows, int[] signs) {
        if (l instanceof LongVector lv) {
            long[] a = lv.values();
            long[] b = ((LongVector) r).values();
            for (int i = 0; i < rows; i++) {
                signs[i] = Long.compare(a[i], b[i]);
            }
        } else if (l instanceof IntVector lv) {
            int[] a = lv.values();
            int[] b = ((IntVector) r).values();
            for (int i = 0; i < rows; i++) {
                signs[i] = Integer.compare(a[i], b[i]);
            }
        } else if (l instanceof DoubleVector lv) {
            double[] a = lv.values();
            double[] b = ((DoubleVector) r).values();
            for (int i = 0; i < rows; i++) {
                signs[i] = a[i] == b[i] ? 0 : Double.compare(a[i], b[i]);
            }
        } else if (l instanceof BytesVector lv) {
            BytesVector rv = (BytesVector) r;
            int[] lo = lv.offsets();
            int[] ro = rv.offsets();
            byte[] ld = lv.data();
            byte[] rd = rv.data();
            for (int i = 0; i < rows; i++) {
                signs[i] = Arrays.compareUnsigned(ld, lo[i], lo[i + 1], rd, ro[i], ro[i + 1]);
            }
        } else if (l instanceof BooleanVector lv) {
            boolean[] a = lv.values();
            boolean[] b = ((BooleanVector) r).values();
            for (int i = 0; i < rows; i++) {
                signs[i] = Boolean.compare(a[i], b[i]);
            }
        } else {
            DecimalVector lv = (DecimalVector) l;
            DecimalVector rv = (DecimalVector) r;
            for (int i = 0; i < rows; i++) {
                int high = Long.compare(lv.high()[i], rv.high()[i]);
                signs[i] = high != 0 ? high : Long.compareUnsigned(lv.low()[i], rv.low()[i]);
            }
        }
    }
}
