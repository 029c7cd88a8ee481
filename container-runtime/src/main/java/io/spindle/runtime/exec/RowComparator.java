package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import java.util.Arrays;

/**
 * Orders rows by sort keys given as key vectors: per key, NULLs first or last as asked, then the
 * value order of the vector class (strings by unsigned bytes, doubles with NaN largest), reversed
 * for descending keys. Rows may come from different batches (the merge of spilled runs).
 */
final class RowComparator {
    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    RowComparator(boolean[] ascending, boolean[] nullsFirst) {
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    int compare(ColumnVector[] left, int i, ColumnVector[] right, int j) {
        for (int k = 0; k < left.length; k++) {
            boolean leftNull = left[k].isNull(i);
            boolean rightNull = right[k].isNull(j);
            if (leftNull || rightNull) {
                if (leftNull && rightNull) {
                    continue;
                }
                return leftNull == nullsFirst[k] ? -1 : 1;
            }
            int sign = compareValues(left[k], i, right[k], j);
            if (sign != 0) {
                return ascending[k] ? sign : -sign;
            }
        }
        return 0;
    }

    private static int compareValues(ColumnVector a, int i, ColumnVector b, int j) {
        if (a instanceof LongVector x) {
            return Long.compare(x.values()[i], ((LongVector) b).values()[j]);
        }
        if (a instanceof IntVector x) {
            return Integer.compare(x.values()[i], ((IntVector) b).values()[j]);
        }
        if (a instanceof DoubleVector x) {
            double l = x.values()[i];
            double r = ((DoubleVector) b).values()[j];
            return l == r ? 0 : Double.compare(l, r);
        }
        if (a instanceof BytesVector x) {
            BytesVector y = (BytesVector) b;
            return Arrays.compareUnsigned(x.data(), x.offsets()[i], x.offsets()[i + 1], y.data(), y.offsets()[j],
                    y.offsets()[j + 1]);
        }
        if (a instanceof BooleanVector x) {
            return Boolean.compare(x.values()[i], ((BooleanVector) b).values()[j]);
        }
        DecimalVector x = (DecimalVector) a;
        DecimalVector y = (DecimalVector) b;
        int high = Long.compare(x.high()[i], y.high()[j]);
        return high != 0 ? high : Long.compareUnsigned(x.low()[i], y.low()[j]);
    }

    /** A stable sort of row indices [0, n) by this order (merge sort; no boxing). */
    int[] sortedRows(ColumnVector[] keys, int n) {
        int[] rows = Vectors.identity(n);
        int[] scratch = new int[n];
        mergeSort(keys, rows, scratch, 0, n);
        return rows;
    }

    private void mergeSort(ColumnVector[] keys, int[] rows, int[] scratch, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= from && compare(keys, rows[j], keys, row) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(keys, rows, scratch, from, middle);
        mergeSort(keys, rows, scratch, middle, to);
        if (compare(keys, rows[middle - 1], keys, rows[middle]) <= 0) {
            return;
        }
        System.arraycopy(rows, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && compare(keys, scratch[left], keys, scratch[right]) <= 0)) {
                rows[out] = scratch[left++];
            } else {
                rows[out] = scratch[right++];
            }
        }
    }

    /**
     * A stable sort of row references across batches: {@code batch << 32 | row}, compared by the
     * key vectors of each batch ({@code keys[batch]}). Sorting references instead of a concatenated
     * copy keeps buffered rows copied once.
     */
    void sortReferences(ColumnVector[][] keys, long[] references) {
        long[] scratch = new long[references.length];
        mergeSort(keys, references, scratch, 0, references.length);
    }

    private int compare(ColumnVector[][] keys, long left, long right) {
        return compare(keys[(int) (left >>> 32)], (int) left, keys[(int) (right >>> 32)], (int) right);
    }

    private void mergeSort(ColumnVector[][] keys, long[] refs, long[] scratch, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                long ref = refs[i];
                int j = i - 1;
                while (j >= from && compare(keys, refs[j], ref) > 0) {
                    refs[j + 1] = refs[j];
                    j--;
                }
                refs[j + 1] = ref;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(keys, refs, scratch, from, middle);
        mergeSort(keys, refs, scratch, middle, to);
        if (compare(keys, refs[middle - 1], refs[middle]) <= 0) {
            return;
        }
        System.arraycopy(refs, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && compare(keys, scratch[left], scratch[right]) <= 0)) {
                refs[out] = scratch[left++];
            } else {
                refs[out] = scratch[right++];
            }
        }
    }
}
