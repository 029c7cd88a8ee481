package io.spindle.formats.batch;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Variable-length values — {@code string} (UTF-8) and {@code binary} — packed into one growable
 * byte buffer: row {@code r} is {@code data()[offsets()[r] .. offsets()[r + 1])}.
 *
 * <p>Rows are written in increasing order, each at most once after {@link #reset()}: a writer that
 * skips rows leaves them empty. A null row is empty too, so offsets stay monotonic and an operator
 * may copy ranges of rows without looking at the null mask.
 */
public final class BytesVector extends ColumnVector {
    private static final int INITIAL_BYTES_PER_ROW = 16;

    private int[] offsets;
    private byte[] data;
    private int rowsWritten;
    /**
     * While non-null, rows {@code [0, rowsWritten)} are held as {@link #ids} into this dictionary
     * ({@code -1}: an empty or null row) and not yet copied into {@link #data}; the first read of
     * the bytes copies them ({@link #materialize}). Volatile so that a vector read by several
     * threads (a cached batch) is copied once and seen copied.
     */
    private volatile BytesVector dictionary;
    private int[] ids;

    public BytesVector(DataType type, int capacity) {
        this(type, capacity, Math.max(64, capacity * INITIAL_BYTES_PER_ROW));
    }

    /** With room for {@code dataCapacity} value bytes, for a copy whose size is known (no slack to grow into). */
    public BytesVector(DataType type, int capacity, int dataCapacity) {
        super(type, capacity);
        if (type.kind() != TypeKind.STRING && type.kind() != TypeKind.BINARY) {
            throw new IllegalArgumentException("BytesVector holds string or binary, not " + type);
        }
        this.offsets = new int[capacity + 1];
        this.data = new byte[dataCapacity];
    }

    /** The value bytes of every row; only the first {@code offsets()[rowCount]} are meaningful. */
    public byte[] data() {
        materialize();
        return data;
    }

    /** {@code capacity + 1} offsets into {@link #data()}: row r spans offsets[r] to offsets[r + 1]. */
    public int[] offsets() {
        materialize();
        return offsets;
    }

    /** How many rows were written so far (set, set null, or passed over and left empty). */
    public int rowsWritten() {
        return rowsWritten;
    }

    public int length(int row) {
        materialize();
        return offsets[row + 1] - offsets[row];
    }

    /** Writes row {@code row}; rows before it that were not written become empty. */
    public void set(int row, byte[] source, int offset, int length) {
        materialize();
        fillTo(row);
        int start = offsets[row];
        ensureDataCapacity(start + length);
        System.arraycopy(source, offset, data, start, length);
        offsets[row + 1] = start + length;
        rowsWritten = row + 1;
    }

    public void set(int row, byte[] value) {
        set(row, value, 0, value.length);
    }

    @Override
    public void setNull(int row) {
        super.setNull(row);
        if (row >= rowsWritten) {
            fillTo(row + 1);
        }
    }

    @Override
    public void setNulls(int from, int to) {
        super.setNulls(from, to);
        if (to > rowsWritten) {
            fillTo(to);
        }
    }

    /** Makes room for {@code totalBytes} bytes of data, so a decoder can reserve once per page. */
    public void ensureDataCapacity(int totalBytes) {
        materialize();
        reserveData(totalBytes);
    }

    private void reserveData(long totalBytes) {
        if (totalBytes > data.length) {
            long grown = Math.max(totalBytes, 2L * data.length);
            data = Arrays.copyOf(data, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }

    public String getString(int row) {
        materialize();
        return new String(data, offsets[row], length(row), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        materialize();
        return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
    }

    @Override
    public void reset() {
        super.reset();
        dictionary = null;
        rowsWritten = 0;
        offsets[0] = 0;
    }

    @Override
    protected void growValues(int capacity) {
        offsets = Arrays.copyOf(offsets, capacity + 1);
        if (ids != null) {
            ids = Arrays.copyOf(ids, capacity);
        }
    }

    @Override
    protected Object getValue(int row) {
        return type.kind() == TypeKind.STRING ? getString(row) : getBytes(row);
    }

    @Override
    protected void setValue(int row, Object value) {
        if (type.kind() == TypeKind.STRING && value instanceof String) {
            set(row, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (type.kind() == TypeKind.BINARY && value instanceof byte[]) {
            set(row, (byte[]) value);
        } else {
            throw wrongValue(value);
        }
    }

    /**
     * Writes rows {@code row} to {@code row + count - 1} as entries of {@code dictionary} by id
     * ({@code ids[0..count)}), deferring the copy of their bytes until something reads them; a
     * filter on the column can then test each dictionary entry once ({@link #deferredIds}).
     * An id of -1 writes an empty row (what a null row holds). Returns false, writing nothing,
     * unless this is the next row, every id names an entry or is -1, and every row written so far
     * is of this dictionary, null or empty (the caller then copies the bytes as usual).
     */
    public boolean setDictionaryIds(int row, BytesVector dictionary, int[] ids, int count) {
        if (row != rowsWritten || dictionary.dictionary != null || !idsWithin(ids, count, -1, dictionary.rowsWritten)) {
            return false;
        }
        if (this.dictionary == null) {
            if (offsets[rowsWritten] != 0) {
                return false; // bytes were copied already
            }
            if (this.ids == null || this.ids.length < capacity()) {
                this.ids = new int[capacity()];
            }
            Arrays.fill(this.ids, 0, row, -1); // the rows so far are null or empty
        } else if (this.dictionary != dictionary) {
            return false;
        }
        System.arraycopy(ids, 0, this.ids, row, count);
        rowsWritten = row + count;
        this.dictionary = dictionary;
        return true;
    }

    /** Whether each of {@code ids[0..count)} lies in {@code [lowest, entries)}. */
    public static boolean idsWithin(int[] ids, int count, int lowest, int entries) {
        boolean valid = true;
        for (int i = 0; i < count; i++) {
            valid &= ids[i] >= lowest & ids[i] < entries;
        }
        return valid;
    }

    /** The dictionary whose entries the rows still are ({@link #deferredIds}), or null once copied. */
    public BytesVector deferredDictionary() {
        return dictionary;
    }

    /** Per row, its entry in {@link #deferredDictionary()} ({@code -1}: an empty or null row). */
    public int[] deferredIds() {
        return ids;
    }

    /** Copies deferred dictionary rows into {@link #data} and {@link #offsets}. */
    private void materialize() {
        if (dictionary != null) {
            materializeDeferred();
        }
    }

    private synchronized void materializeDeferred() {
        BytesVector entries = dictionary;
        if (entries == null) {
            return;
        }
        byte[] entryData = entries.data();
        int[] entryOffsets = entries.offsets();
        int rows = rowsWritten;
        long total = 0;
        for (int r = 0; r < rows; r++) {
            int id = ids[r];
            total += id < 0 ? 0 : entryOffsets[id + 1] - entryOffsets[id];
        }
        reserveData(total);
        int end = 0;
        offsets[0] = 0;
        for (int r = 0; r < rows; r++) {
            int id = ids[r];
            if (id >= 0) {
                int from = entryOffsets[id];
                int length = entryOffsets[id + 1] - from;
                System.arraycopy(entryData, from, data, end, length);
                end += length;
            }
            offsets[r + 1] = end;
        }
        dictionary = null;
    }

    private void fillTo(int row) {
        if (row < rowsWritten) {
            throw new IllegalStateException("BytesVector rows are written in order: row " + row
                    + " comes after row " + (rowsWritten - 1));
        }
        if (dictionary != null) {
            Arrays.fill(ids, rowsWritten, row, -1);
            rowsWritten = row;
            return;
        }
        int end = offsets[rowsWritten];
        for (int r = rowsWritten + 1; r <= row; r++) {
            offsets[r] = end;
        }
        rowsWritten = row;
    }
}
