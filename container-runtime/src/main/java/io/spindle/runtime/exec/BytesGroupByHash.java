package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.runtime.shuffle.ByteSink;
import io.spindle.runtime.shuffle.KeyHasher;
import java.util.Arrays;
import java.util.List;

/**
 * The general table: each row's key columns are encoded into bytes — column by column for the
 * whole batch, so each column is one typed loop — and groups are found by hashing and comparing
 * those bytes. Encoding per column: a null byte, then the value (fixed width, or a length and the
 * bytes for strings); doubles are normalized so -0.0/0.0 and NaNs group together. Rows whose keys
 * are all short strings skip the byte encoding: {@link PackedStringKeys} finds their groups by one
 * packed long (group ids are shared, so both paths number groups in one sequence).
 */
final class BytesGroupByHash extends GroupByHash {
    private final List<DataType> keyTypes;
    private final ByteSink rowKeys = new ByteSink(1 << 16);
    private int[] rowStart = new int[0];
    private int[] rowHash = new int[0];
    private int[] ids = new int[0];
    private int[] slots = new int[1024];
    private final ByteSink groupKeys = new ByteSink(1 << 12);
    private int[] groupStart = new int[257];
    private int[] groupHash = new int[256];
    private int groups;
    private final PackedStringKeys packedGroups = new PackedStringKeys();
    private long[] packed = new long[0];
    private int[] packedBytes = new int[0];
    private final ByteSink oneKey = new ByteSink(64);

    BytesGroupByHash(List<DataType> keyTypes) {
        this.keyTypes = List.copyOf(keyTypes);
    }

    @Override
    public int[] groupIds(ColumnVector[] keys, int rows) {
        if (ids.length < rows) {
            ids = new int[Math.max(rows, 1024)];
            rowStart = new int[ids.length + 1];
            rowHash = new int[ids.length];
        }
        boolean strings = PackedStringKeys.applies(keys);
        if (strings) {
            if (packed.length < rows) {
                packed = new long[ids.length];
                packedBytes = new int[ids.length];
            }
            if (PackedStringKeys.pack(keys, rows, packed, packedBytes)) {
                for (int r = 0; r < rows; r++) {
                    ids[r] = findPacked(keys, r, packed[r]);
                }
                return ids;
            }
        }
        KeyEncoder.encode(keys, rows, rowKeys, rowStart);
        byte[] data = rowKeys.array();
        for (int r = 0; r < rows; r++) {
            rowHash[r] = KeyHasher.hashBytes(data, rowStart[r], rowStart[r + 1]);
        }
        for (int r = 0; r < rows; r++) { // in row order, so groups keep their order of first appearance
            ids[r] = strings && packed[r] != PackedStringKeys.NOT_PACKED ? findPacked(keys, r, packed[r])
                    : find(data, rowStart[r], rowStart[r + 1], rowHash[r]);
        }
        return ids;
    }

    private int findPacked(ColumnVector[] keys, int row, long key) {
        int group = packedGroups.find(key);
        return group >= 0 ? group : addPackedGroup(keys, row, key);
    }

    /** A new group for a packed key: its byte encoding is kept too, for {@link #writeKeys}. */
    private int addPackedGroup(ColumnVector[] keys, int row, long key) {
        oneKey.reset();
        for (ColumnVector column : keys) {
            BytesVector strings = (BytesVector) column;
            boolean isNull = strings.nulls()[row];
            int start = strings.offsets()[row];
            int length = isNull ? 0 : strings.offsets()[row + 1] - start;
            byte[] header = {(byte) (isNull ? 1 : 0), (byte) length, (byte) (length >>> 8), (byte) (length >>> 16),
                    (byte) (length >>> 24)};
            oneKey.putBytes(header, 0, header.length);
            oneKey.putBytes(strings.data(), start, length);
        }
        int group = addGroup(oneKey.array(), 0, oneKey.size(), KeyHasher.hashBytes(oneKey.array(), 0, oneKey.size()));
        packedGroups.add(key, group);
        return group;
    }

    private int find(byte[] data, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        byte[] stored = groupKeys.array();
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                int group = addGroup(data, from, to, hash);
                slots[slot] = group + 1;
                if (groups * 2 > slots.length) {
                    rehash();
                }
                return group;
            }
            int group = entry - 1;
            if (groupHash[group] == hash && Arrays.equals(stored, groupStart[group], groupStart[group + 1], data, from, to)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int addGroup(byte[] data, int from, int to, int hash) {
        if (groups + 1 >= groupStart.length) {
            int size = groupStart.length * 2; // one length for both, or groupHash runs out first
            groupStart = Arrays.copyOf(groupStart, size);
            groupHash = Arrays.copyOf(groupHash, size);
        }
        groupKeys.putBytes(data, from, to - from);
        groupHash[groups] = hash;
        groupStart[groups + 1] = groupKeys.size();
        return groups++;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int group = 0; group < groups; group++) {
            int slot = groupHash[group] & mask;
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
        for (ColumnVector vector : out) {
            vector.ensureCapacity(to - from);
        }
        byte[] data = groupKeys.array();
        for (int group = from; group < to; group++) {
            KeyEncoder.decode(data, groupStart[group], out, group - from);
        }
    }

    @Override
    public long estimatedBytes() {
        return 4L * slots.length + groupKeys.size() + 8L * groupStart.length + packedGroups.estimatedBytes();
    }

    List<DataType> keyTypes() {
        return keyTypes;
    }

    /** The byte encoding of key rows. */
    static final class KeyEncoder {
        private KeyEncoder() {}

        static void encode(ColumnVector[] keys, int rows, ByteSink out, int[] start) {
            Arrays.fill(start, 0, rows + 1, 0);
            for (ColumnVector key : keys) {
                if (key instanceof BytesVector bytes) {
                    int[] offsets = bytes.offsets();
                    for (int r = 0; r < rows; r++) {
                        start[r + 1] += 5 + offsets[r + 1] - offsets[r];
                    }
                } else {
                    int width = 1 + width(key);
                    for (int r = 0; r < rows; r++) {
                        start[r + 1] += width;
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                start[r + 1] += start[r];
            }
            out.reset();
            out.ensure(start[rows]);
            int[] position = Arrays.copyOf(start, rows);
            byte[] data = out.array();
            for (ColumnVector key : keys) {
                writeColumn(key, rows, data, position);
            }
        }

        private static int width(ColumnVector vector) {
            if (vector instanceof IntVector) {
                return 4;
            }
            if (vector instanceof BooleanVector) {
                return 1;
            }
            return vector instanceof DecimalVector ? 16 : 8;
        }

        private static void writeColumn(ColumnVector key, int rows, byte[] data, int[] position) {
            boolean[] nulls = key.nulls();
            for (int r = 0; r < rows; r++) {
                data[position[r]++] = (byte) (nulls[r] ? 1 : 0);
            }
            if (key instanceof BytesVector bytes) {
                int[] offsets = bytes.offsets();
                byte[] values = bytes.data();
                for (int r = 0; r < rows; r++) {
                    int length = offsets[r + 1] - offsets[r];
                    putInt(data, position[r], length);
                    System.arraycopy(values, offsets[r], data, position[r] + 4, length);
                    position[r] += 4 + length;
                }
            } else if (key instanceof LongVector longs) {
                long[] values = longs.values();
                for (int r = 0; r < rows; r++) {
                    putLong(data, position[r], nulls[r] ? 0 : values[r]);
                    position[r] += 8;
                }
            } else if (key instanceof IntVector ints) {
                int[] values = ints.values();
                for (int r = 0; r < rows; r++) {
                    putInt(data, position[r], nulls[r] ? 0 : values[r]);
                    position[r] += 4;
                }
            } else if (key instanceof DoubleVector doubles) {
                double[] values = doubles.values();
                for (int r = 0; r < rows; r++) {
                    putLong(data, position[r], nulls[r] ? 0 : KeyHasher.normalizedBits(values[r]));
                    position[r] += 8;
                }
            } else if (key instanceof BooleanVector booleans) {
                boolean[] values = booleans.values();
                for (int r = 0; r < rows; r++) {
                    data[position[r]++] = (byte) (!nulls[r] && values[r] ? 1 : 0);
                }
            } else {
                DecimalVector wide = (DecimalVector) key;
                for (int r = 0; r < rows; r++) {
                    putLong(data, position[r], nulls[r] ? 0 : wide.high()[r]);
                    putLong(data, position[r] + 8, nulls[r] ? 0 : wide.low()[r]);
                    position[r] += 16;
                }
            }
        }

        /** Decodes one encoded key row starting at {@code offset} into row {@code row} of {@code out}. */
        static void decode(byte[] data, int offset, ColumnVector[] out, int row) {
            for (ColumnVector vector : out) {
                boolean isNull = data[offset++] != 0;
                if (vector instanceof BytesVector bytes) {
                    int length = getInt(data, offset);
                    if (isNull) {
                        bytes.setNull(row);
                    } else {
                        bytes.set(row, data, offset + 4, length);
                    }
                    offset += 4 + length;
                    continue;
                }
                if (vector instanceof LongVector longs) {
                    longs.values()[row] = getLong(data, offset);
                } else if (vector instanceof IntVector ints) {
                    ints.values()[row] = getInt(data, offset);
                } else if (vector instanceof DoubleVector doubles) {
                    doubles.values()[row] = Double.longBitsToDouble(getLong(data, offset));
                } else if (vector instanceof BooleanVector booleans) {
                    booleans.values()[row] = data[offset] != 0;
                } else {
                    ((DecimalVector) vector).set(row, getLong(data, offset), getLong(data, offset + 8));
                }
                offset += width(vector);
                if (isNull) {
                    vector.setNull(row);
                }
            }
        }

        private static void putInt(byte[] data, int offset, int value) {
            data[offset] = (byte) value;
            data[offset + 1] = (byte) (value >>> 8);
            data[offset + 2] = (byte) (value >>> 16);
            data[offset + 3] = (byte) (value >>> 24);
        }

        private static void putLong(byte[] data, int offset, long value) {
            putInt(data, offset, (int) value);
            putInt(data, offset + 4, (int) (value >>> 32));
        }

        private static int getInt(byte[] data, int offset) {
            return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                    | (data[offset + 3] & 0xFF) << 24;
        }

        private static long getLong(byte[] data, int offset) {
            return (getInt(data, offset) & 0xFFFFFFFFL) | ((long) getInt(data, offset + 4) << 32);
        }
    }
}
