package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.runtime.shuffle.KeyHasher;

/**
 * Short string keys packed into one long, with a primitive table from packed key to group id:
 * the fast path of {@link BytesGroupByHash} for grouping on short strings (flags, statuses, codes).
 *
 * <p>Packing, column by column: a tag byte (1 for null, 2 + length otherwise) then the value's
 * bytes, shifted into a long. Tags are never 0, so the packed long has no leading zero bytes and
 * its byte length tells where it starts: the packing is injective. A row whose packing needs more
 * than 8 bytes is not packable ({@link #NOT_PACKED}); whether a key packs depends on the key alone,
 * so each key is found through exactly one path of the table that owns it.
 */
final class PackedStringKeys {
    /** A packed key is never 0 (its first byte is a tag). */
    static final long NOT_PACKED = 0;

    private long[] slotKeys = new long[64];
    private int[] slotGroups = new int[64];
    private int size;

    /** Whether every key column is a string column, so rows may pack. */
    static boolean applies(ColumnVector[] keys) {
        for (ColumnVector key : keys) {
            if (!(key instanceof BytesVector)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Packs rows [0, rows) into {@code packed} ({@link #NOT_PACKED} for rows that do not fit);
     * {@code used} is scratch for the bytes used per row. Returns whether every row packed.
     */
    static boolean pack(ColumnVector[] keys, int rows, long[] packed, int[] used) {
        java.util.Arrays.fill(packed, 0, rows, 0L);
        java.util.Arrays.fill(used, 0, rows, 0);
        for (ColumnVector key : keys) {
            BytesVector strings = (BytesVector) key;
            boolean[] nulls = strings.nulls();
            int[] offsets = strings.offsets();
            byte[] data = strings.data();
            for (int r = 0; r < rows; r++) {
                if (used[r] < 0) {
                    continue;
                }
                if (nulls[r]) {
                    if (used[r] + 1 > 8) {
                        used[r] = -1;
                    } else {
                        packed[r] = packed[r] << 8 | 1;
                        used[r]++;
                    }
                    continue;
                }
                int start = offsets[r];
                int length = offsets[r + 1] - start;
                if (used[r] + 1 + length > 8) {
                    used[r] = -1;
                    continue;
                }
                long value = packed[r] << 8 | (2 + length);
                for (int i = 0; i < length; i++) {
                    value = value << 8 | (data[start + i] & 0xFF);
                }
                packed[r] = value;
                used[r] += 1 + length;
            }
        }
        boolean all = true;
        for (int r = 0; r < rows; r++) {
            if (used[r] < 0) {
                packed[r] = NOT_PACKED;
                all = false;
            }
        }
        return all;
    }

    /** The group of {@code key}, or -1 if it has none yet. */
    int find(long key) {
        int mask = slotKeys.length - 1;
        int slot = KeyHasher.mix(key) & mask;
        while (true) {
            long stored = slotKeys[slot];
            if (stored == key) {
                return slotGroups[slot];
            }
            if (stored == NOT_PACKED) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Records {@code key} (not present yet) as {@code group}. */
    void add(long key, int group) {
        if ((size + 1) * 2 > slotKeys.length) {
            grow();
        }
        insert(key, group);
        size++;
    }

    private void insert(long key, int group) {
        int mask = slotKeys.length - 1;
        int slot = KeyHasher.mix(key) & mask;
        while (slotKeys[slot] != NOT_PACKED) {
            slot = (slot + 1) & mask;
        }
        slotKeys[slot] = key;
        slotGroups[slot] = group;
    }

    private void grow() {
        long[] oldKeys = slotKeys;
        int[] oldGroups = slotGroups;
        slotKeys = new long[oldKeys.length * 2];
        slotGroups = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != NOT_PACKED) {
                insert(oldKeys[i], oldGroups[i]);
            }
        }
    }

    long estimatedBytes() {
        return 12L * slotKeys.length;
    }
}
