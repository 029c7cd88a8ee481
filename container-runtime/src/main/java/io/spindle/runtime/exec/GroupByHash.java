package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import java.util.List;

/**
 * Assigns each row of a batch the id of its group (0, 1, 2, ... in order of first appearance), so
 * that accumulators can update flat arrays indexed by group id in one loop per column.
 */
public abstract class GroupByHash {

    /** Group ids of rows [0, rows); the returned array is reused by the next call. */
    public abstract int[] groupIds(ColumnVector[] keys, int rows);

    public abstract int groupCount();

    /** Writes the keys of groups [from, to) into rows 0.. of {@code out}, one vector per key column. */
    public abstract void writeKeys(int from, int to, ColumnVector[] out);

    /** Bytes held by the table and keys, for memory accounting. */
    public abstract long estimatedBytes();

    /** The fastest table for these key types: primitive open addressing for one integral key. */
    public static GroupByHash create(List<DataType> keyTypes) {
        if (keyTypes.isEmpty()) {
            return new GlobalGroup();
        }
        if (keyTypes.size() == 1) {
            TypeKind kind = keyTypes.get(0).kind();
            boolean longBacked = kind == TypeKind.LONG || kind == TypeKind.TIMESTAMP
                    || (kind == TypeKind.DECIMAL && ((io.spindle.formats.types.DecimalType) keyTypes.get(0)).fitsInLong());
            if (longBacked || kind == TypeKind.INT || kind == TypeKind.DATE) {
                return new LongGroupByHash(keyTypes.get(0));
            }
        }
        return new BytesGroupByHash(keyTypes);
    }

    /** No grouping keys: every row is in group 0, which exists even without input. */
    static final class GlobalGroup extends GroupByHash {
        private int[] ids = new int[0];

        @Override
        public int[] groupIds(ColumnVector[] keys, int rows) {
            if (ids.length < rows) {
                ids = new int[Math.max(rows, 1024)];
            }
            return ids;
        }

        @Override
        public int groupCount() {
            return 1;
        }

        @Override
        public void writeKeys(int from, int to, ColumnVector[] out) {
        }

        @Override
        public long estimatedBytes() {
            return 0;
        }
    }
}
