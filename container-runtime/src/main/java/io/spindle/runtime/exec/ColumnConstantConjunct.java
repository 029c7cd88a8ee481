package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import java.util.Arrays;

/**
 * {@code column <op> constant} as a filter conjunct: one branch-free loop per (operator, vector
 * class) over the selected rows only, comparing with a primitive instead of a filled constant
 * vector. Semantics are {@link CompareEvaluator}'s: doubles order NaN above everything and -0.0
 * equal to 0.0, strings compare as unsigned bytes; a null row never passes (for {@code <=>} with a
 * non-null constant a null row is false, so the same).
 */
final class ColumnConstantConjunct extends FilterConjunct {
    private final int column;
    private final CompareOperator operator;
    private final long longValue;
    private final double doubleValue;
    private final byte[] bytesValue;
    /** The last dictionary whose entries were compared, and their answers (index = id + 1). */
    private BytesVector answeredDictionary;
    private boolean[] answers;

    private ColumnConstantConjunct(int column, CompareOperator operator, ColumnVector constant) {
        this.column = column;
        this.operator = operator == CompareOperator.NULL_SAFE_EQUAL ? CompareOperator.EQUAL : operator;
        this.longValue = constant instanceof LongVector v ? v.values()[0]
                : constant instanceof IntVector v ? v.values()[0] : 0;
        this.doubleValue = constant instanceof DoubleVector v ? v.values()[0] : 0;
        this.bytesValue = constant instanceof BytesVector v ? v.getBytes(0) : null;
    }

    /** A kernel for {@code column <op> literal} or {@code literal <op> column}, else null. */
    static FilterConjunct tryCreate(Expression expression) {
        if (!(expression instanceof Comparison comparison)
                || !comparison.left().dataType().equals(comparison.right().dataType())) {
            return null;
        }
        CompareOperator operator = comparison.operator();
        Expression columnSide = comparison.left();
        Expression constantSide = comparison.right();
        if (columnSide instanceof Literal && constantSide instanceof BoundRef) {
            columnSide = comparison.right();
            constantSide = comparison.left();
            operator = operator.flip();
        }
        if (!(columnSide instanceof BoundRef ref) || !(constantSide instanceof Literal literal) || literal.isNull()) {
            return null;
        }
        ColumnVector constant = ColumnVector.allocate(literal.dataType(), 1);
        constant.set(0, literal.value());
        boolean supported = constant instanceof LongVector || constant instanceof IntVector
                || (constant instanceof DoubleVector v && !Double.isNaN(v.values()[0]))
                || constant instanceof BytesVector;
        return supported ? new ColumnConstantConjunct(ref.ordinal(), operator, constant) : null;
    }

    @Override
    int select(ColumnBatch batch, int[] selection, int count) {
        ColumnVector input = batch.column(column);
        int kept;
        if (input instanceof DoubleVector v) {
            kept = selectDoubles(v.values(), selection, count);
        } else if (input instanceof LongVector v) {
            kept = selectLongs(v.values(), selection, count);
        } else if (input instanceof IntVector v) {
            kept = selectInts(v.values(), selection, count);
        } else {
            kept = selectBytes((BytesVector) input, selection, count);
        }
        return input.noNulls() ? kept : dropNulls(input.nulls(), selection, kept);
    }

    private static int dropNulls(boolean[] nulls, int[] selection, int count) {
        int kept = 0;
        for (int j = 0; j < count; j++) {
            int row = selection[j];
            selection[kept] = row;
            kept += nulls[row] ? 0 : 1;
        }
        return kept;
    }

    // NaN is the largest double: v > c and v >= c hold for NaN, written as !(v <= c) and !(v < c).
    private int selectDoubles(double[] values, int[] s, int count) {
        double c = doubleValue;
        int n = 0;
        switch (operator) {
            case EQUAL, NULL_SAFE_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] == c ? 1 : 0; } }
            case NOT_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] != c ? 1 : 0; } }
            case LESS_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] < c ? 1 : 0; } }
            case LESS_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] <= c ? 1 : 0; } }
            case GREATER_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] <= c ? 0 : 1; } }
            case GREATER_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] < c ? 0 : 1; } }
        }
        return n;
    }

    private int selectLongs(long[] values, int[] s, int count) {
        long c = longValue;
        int n = 0;
        switch (operator) {
            case EQUAL, NULL_SAFE_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] == c ? 1 : 0; } }
            case NOT_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] != c ? 1 : 0; } }
            case LESS_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] < c ? 1 : 0; } }
            case LESS_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] <= c ? 1 : 0; } }
            case GREATER_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] > c ? 1 : 0; } }
            case GREATER_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] >= c ? 1 : 0; } }
        }
        return n;
    }

    private int selectInts(int[] values, int[] s, int count) {
        int c = (int) longValue;
        int n = 0;
        switch (operator) {
            case EQUAL, NULL_SAFE_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] == c ? 1 : 0; } }
            case NOT_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] != c ? 1 : 0; } }
            case LESS_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] < c ? 1 : 0; } }
            case LESS_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] <= c ? 1 : 0; } }
            case GREATER_THAN -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] > c ? 1 : 0; } }
            case GREATER_THAN_OR_EQUAL -> { for (int j = 0; j < count; j++) { int i = s[j]; s[n] = i; n += values[i] >= c ? 1 : 0; } }
        }
        return n;
    }

    private int selectBytes(BytesVector vector, int[] s, int count) {
        BytesVector dictionary = vector.deferredDictionary();
        if (dictionary != null) {
            return selectDictionaryIds(dictionary, vector.deferredIds(), s, count);
        }
        byte[] data = vector.data();
        int[] offsets = vector.offsets();
        byte[] c = bytesValue;
        int n = 0;
        if (operator == CompareOperator.EQUAL || operator == CompareOperator.NOT_EQUAL) {
            boolean want = operator == CompareOperator.EQUAL;
            for (int j = 0; j < count; j++) {
                int i = s[j];
                int from = offsets[i];
                int to = offsets[i + 1];
                boolean equal = to - from == c.length && Arrays.equals(data, from, to, c, 0, c.length);
                s[n] = i;
                n += equal == want ? 1 : 0;
            }
            return n;
        }
        for (int j = 0; j < count; j++) {
            int i = s[j];
            int sign = Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], c, 0, c.length);
            s[n] = i;
            n += operator.test(sign) ? 1 : 0;
        }
        return n;
    }

    /**
     * Rows still held as ids into a dictionary: each entry is compared once (the answers are kept
     * for the next batches of the same dictionary), then each selected row only looks its entry's
     * answer up. A dictionary with more entries than the rows to test is not worth comparing
     * whole: those rows compare their own entry's bytes, still without copying them. An id of -1
     * (an empty or null row) compares as the empty string; a null row is dropped afterwards as for
     * any vector.
     */
    private int selectDictionaryIds(BytesVector dictionary, int[] ids, int[] s, int count) {
        byte[] data = dictionary.data();
        int[] offsets = dictionary.offsets();
        int entries = dictionary.rowsWritten();
        boolean[] passes = dictionary == answeredDictionary ? answers : null;
        int n = 0;
        if (passes == null && entries > count) {
            for (int j = 0; j < count; j++) {
                int i = s[j];
                int id = ids[i];
                s[n] = i;
                n += (id < 0 ? test(data, 0, 0) : test(data, offsets[id], offsets[id + 1])) ? 1 : 0;
            }
            return n;
        }
        if (passes == null) {
            passes = new boolean[entries + 1];
            passes[0] = test(data, 0, 0);
            for (int e = 0; e < entries; e++) {
                passes[e + 1] = test(data, offsets[e], offsets[e + 1]);
            }
            answeredDictionary = dictionary;
            answers = passes;
        }
        for (int j = 0; j < count; j++) {
            int i = s[j];
            s[n] = i;
            n += passes[ids[i] + 1] ? 1 : 0;
        }
        return n;
    }

    private boolean test(byte[] data, int from, int to) {
        byte[] c = bytesValue;
        if (operator == CompareOperator.EQUAL || operator == CompareOperator.NOT_EQUAL) {
            boolean equal = to - from == c.length && Arrays.equals(data, from, to, c, 0, c.length);
            return equal == (operator == CompareOperator.EQUAL);
        }
        return operator.test(Arrays.compareUnsigned(data, from, to, c, 0, c.length));
    }
}
