package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import java.util.Arrays;

/**
 * How a {@link SortMergeJoinOperator} writes rows into its output batch (left columns, then right
 * ones): a left row paired with run rows, a left row alone (NULL right columns for outer joins), a
 * right row alone, and the candidate pairs its residual condition is evaluated on.
 */
final class MergeJoinRows {
    private static final byte[] EMPTY = new byte[0];

    private final int leftWidth;
    private final int rightWidth;

    MergeJoinRows(int leftWidth, int rightWidth) {
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
    }

    /** The current left row repeated against every chunk row, left columns then right ones. */
    ColumnBatch pairs(ColumnBatch leftBatch, int leftRow, ColumnBatch chunk, Schema schema, int size) {
        ColumnBatch candidates = ColumnBatch.allocate(schema, Math.max(size, 1));
        int[] repeated = new int[size];
        Arrays.fill(repeated, leftRow);
        int[] identity = Vectors.identity(size);
        for (int c = 0; c < leftWidth; c++) {
            Vectors.gather(leftBatch.column(c), repeated, 0, size, candidates.column(c), 0);
        }
        for (int c = 0; c < rightWidth; c++) {
            Vectors.gather(chunk.column(c), identity, 0, size, candidates.column(leftWidth + c), 0);
        }
        candidates.setRowCount(size);
        return candidates;
    }

    /** The current left row paired with chunk rows {@code chunkRows[0, n)}. */
    void appendPairs(ColumnBatch out, ColumnBatch leftBatch, int leftRow, ColumnBatch chunk, int[] chunkRows, int n) {
        int at = out.rowCount();
        if (n == 0) {
            return;
        }
        int[] repeated = new int[n];
        Arrays.fill(repeated, leftRow);
        for (int c = 0; c < leftWidth; c++) {
            Vectors.gather(leftBatch.column(c), repeated, 0, n, out.column(c), at);
        }
        for (int c = 0; c < rightWidth; c++) {
            Vectors.gather(chunk.column(c), chunkRows, 0, n, out.column(leftWidth + c), at);
        }
        out.setRowCount(at + n);
    }

    /** A left row alone; with {@code nullRight}, followed by NULL right columns (outer joins). */
    void appendLeft(ColumnBatch out, ColumnBatch batch, int row, boolean nullRight) {
        int at = out.rowCount();
        for (int c = 0; c < leftWidth; c++) {
            Vectors.gather(batch.column(c), new int[] {row}, 0, 1, out.column(c), at);
        }
        if (nullRight) {
            for (int c = 0; c < rightWidth; c++) {
                appendNull(out.column(leftWidth + c), at);
            }
        }
        out.setRowCount(at + 1);
    }

    /** A right row alone, after NULL left columns (right and full joins). */
    void appendRight(ColumnBatch out, ColumnBatch batch, int row) {
        int at = out.rowCount();
        for (int c = 0; c < leftWidth; c++) {
            appendNull(out.column(c), at);
        }
        for (int c = 0; c < rightWidth; c++) {
            Vectors.gather(batch.column(c), new int[] {row}, 0, 1, out.column(leftWidth + c), at);
        }
        out.setRowCount(at + 1);
    }

    private static void appendNull(ColumnVector vector, int row) {
        vector.ensureCapacity(row + 1);
        if (vector instanceof BytesVector bytes) {
            bytes.set(row, EMPTY, 0, 0);
        }
        vector.setNull(row);
    }
}
