package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DecimalType;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.ScalarEvaluator;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal +, -, * on unscaled integers. Operands are read as 128-bit values (a long-backed
 * decimal sign-extends); when both fit a long the work is done with exact long arithmetic —
 * {@code Math.multiplyHigh} gives the full 128-bit product — and only an overflowing or rescaling
 * row takes the BigDecimal path, which is the semantic reference ({@link ScalarEvaluator}).
 * Division and remainder always take that path.
 */
final class DecimalArithmetic extends VectorEvaluator {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final ArithmeticOperator operator;
    private final VectorEvaluator left;
    private final VectorEvaluator right;
    private final DecimalType leftType;
    private final DecimalType rightType;
    private final DecimalType resultType;
    private final long leftFactor;
    private final long rightFactor;
    private final boolean exactScale;
    private ColumnVector output;

    DecimalArithmetic(ArithmeticOperator operator, VectorEvaluator left, VectorEvaluator right, DecimalType resultType) {
        super(resultType);
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.leftType = (DecimalType) left.type();
        this.rightType = (DecimalType) right.type();
        this.resultType = resultType;
        int scale = resultType.scale();
        boolean additive = operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT;
        this.leftFactor = additive && scale - leftType.scale() < 19 && scale >= leftType.scale()
                ? POWERS_OF_TEN[scale - leftType.scale()] : 0;
        this.rightFactor = additive && scale - rightType.scale() < 19 && scale >= rightType.scale()
                ? POWERS_OF_TEN[scale - rightType.scale()] : 0;
        this.exactScale = additive ? leftFactor != 0 && rightFactor != 0
                : operator == ArithmeticOperator.MULTIPLY && leftType.scale() + rightType.scale() == scale;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        ColumnVector l = left.evaluate(batch);
        ColumnVector r = right.evaluate(batch);
        int rows = batch.rowCount();
        output = reuse(output, resultType, rows);
        boolean anyNull = unionNulls(l, r, output, rows);
        boolean[] nulls = output.nulls();
        long[] lLow = low(l);
        long[] lHigh = high(l);
        long[] rLow = low(r);
        long[] rHigh = high(r);
        for (int i = 0; i < rows; i++) {
            if (anyNull && nulls[i]) {
                continue;
            }
            boolean fast = exactScale && (lHigh == null || lHigh[i] == lLow[i] >> 63)
                    && (rHigh == null || rHigh[i] == rLow[i] >> 63) && fastRow(i, lLow[i], rLow[i]);
            if (!fast) {
                slowRow(i, l, r);
            }
        }
        return output;
    }

    /** Computes row i from two long operands; false when the row needs the exact path. */
    private boolean fastRow(int row, long a, long b) {
        long high;
        long lowBits;
        if (operator == ArithmeticOperator.MULTIPLY) {
            high = Math.multiplyHigh(a, b);
            lowBits = a * b;
        } else {
            long x = a * leftFactor;
            long y = b * rightFactor;
            if (Math.multiplyHigh(a, leftFactor) != x >> 63 || Math.multiplyHigh(b, rightFactor) != y >> 63) {
                return false;
            }
            long sum = operator == ArithmeticOperator.ADD ? x + y : x - y;
            boolean overflow = operator == ArithmeticOperator.ADD ? ((x ^ sum) & (y ^ sum)) < 0
                    : ((x ^ y) & (x ^ sum)) < 0;
            if (overflow) {
                return false;
            }
            high = sum >> 63;
            lowBits = sum;
        }
        return store(row, high, lowBits);
    }

    /** Stores a 128-bit result; false when it may exceed the precision (the exact path then decides). */
    private boolean store(int row, long high, long lowBits) {
        boolean fitsLong = high == lowBits >> 63;
        if (resultType.fitsInLong()) {
            if (!fitsLong || Math.abs(lowBits) >= POWERS_OF_TEN[resultType.precision()] || lowBits == Long.MIN_VALUE) {
                return false;
            }
            ((LongVector) output).values()[row] = lowBits;
            return true;
        }
        if (!fitsLong && resultType.precision() < 38) {
            return false; // beyond a long with fewer than 38 digits allowed: check exactly
        }
        // A long has at most 19 digits; a product of two longs is below 2^126 < 10^38.
        ((DecimalVector) output).set(row, high, lowBits);
        return true;
    }

    private void slowRow(int row, ColumnVector l, ColumnVector r) {
        BigDecimal a = (BigDecimal) l.get(row);
        BigDecimal b = (BigDecimal) r.get(row);
        BigDecimal result = (BigDecimal) ScalarEvaluator.arithmetic(operator, a, b, resultType);
        BigInteger unscaled = result.unscaledValue();
        if (resultType.fitsInLong()) {
            ((LongVector) output).values()[row] = unscaled.longValueExact();
        } else {
            ((DecimalVector) output).set(row, unscaled.shiftRight(64).longValue(), unscaled.longValue());
        }
    }

    private static long[] low(ColumnVector vector) {
        return vector instanceof LongVector longs ? longs.values() : ((DecimalVector) vector).low();
    }

    private static long[] high(ColumnVector vector) {
        return vector instanceof DecimalVector wide ? wide.high() : null;
    }

    static EvaluationException overflow(DecimalType type) {
        return EvaluationException.overflow("decimal arithmetic as " + type.simpleString());
    }
}
