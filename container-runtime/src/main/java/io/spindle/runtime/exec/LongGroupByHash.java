package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.runtime.shuffle.KeyHasher;
import java.util.Arrays;

/**
 * Open addressing (linear probing, load ≤ 1/2) over one integral key held as a long; NULL is its
 * own group. Keys live in a flat long array indexed by group id.
 */
final class LongGroupByHash extends GroupByHash {
    private final DataType keyType;
    private int[] slots = new int[1024]; // group id + 1; 0 = empty
    private long[] keys = new long[256];
    private int groups;
    private int nullGroup = -1;
    private int[] ids = new int[0];

    LongGroupByHash(DataType keyType) {
        this.keyType = keyType;
    }

    @Override
    public int[] groupIds(ColumnVector[] keyVectors, int rows) {
        if (ids.length < rows) {
            ids = new int[Math.max(rows, 1024)];
        }
        ColumnVector vector = keyVectors[0];
        boolean[] nulls = vector.nulls();
        boolean noNulls = vector.noNulls();
        if (vector instanceof LongVector longs) {
            long[] values = longs.values();
            for (int r = 0; r < rows; r++) {
                ids[r] = !noNulls && nulls[r] ? nullGroup() : find(values[r]);
            }
        } else {
            int[] values = ((IntVector) vector).values();
            for (int r = 0; r < rows; r++) {
                ids[r] = !noNulls && nulls[r] ? nullGroup() : find(values[r]);
            }
        }
        return ids;
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = addGroup(0);
        }
        return nullGroup;
    }

    private int find(long key) {
        int mask = slots.length - 1;
        int slot = KeyHasher.mix(key) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                int group = addGroup(key);
                slots[slot] = group + 1;
                if (groups * 2 > slots.length) {
                    rehash();
                }
                return group;
            }
            if (keys[entry - 1] == key && entry - 1 != nullGroup) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int addGroup(long key) {
        if (groups == keys.length) {
            keys = Arrays.copyOf(keys, groups * 2);
        }
        keys[groups] = key;
        return groups++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int group = 0; group < groups; group++) {
            if (group == nullGroup) {
                continue;
            }
            int slot = KeyHasher.mix(keys[group]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group + 1;
        }
    }

    @Override
    public int groupCount() {
        return groups;
    }

    @Override
    public void writeKeys(int from, int to, ColumnVector[] out) {
        ColumnVector vector = out[0];
        vector.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            int row = group - from;
            if (group == nullGroup) {
                vector.setNull(row);
            } else if (vector instanceof LongVector longs) {
                longs.values()[row] = keys[group];
            } else {
                ((IntVector) vector).values()[row] = (int) keys[group];
            }
        }
    }

    @Override
    public long estimatedBytes() {
        return 4L * slots.length + 8L * keys.length;
    }

    DataType keyType() {
        return keyType;
    }
}
