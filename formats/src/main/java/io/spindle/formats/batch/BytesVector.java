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
        return data;
    }

    /** {@code capacity + 1} offsets into {@link #data()}: row r spans offsets[r] to offsets[r + 1]. */
    public int[] offsets() {
        return offsets;
    }

    public int length(int row) {
        return offsets[row + 1] - offsets[row];
    }

    /** Writes row {@code row}; rows before it that were not written become empty. */
    public void set(int row, byte[] source, int offset, int length) {
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
        if (totalBytes > data.length) {
            long grown = Math.max((long) totalBytes, 2L * data.length);
            data = Arrays.copyOf(data, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }

    public String getString(int row) {
        return new String(data, offsets[row], length(row), StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
    }

    @Override
    public void reset() {
        super.reset();
        rowsWritten = 0;
        offsets[0] = 0;
    }

    @Override
    protected void growValues(int capacity) {
        offsets = Arrays.copyOf(offsets, capacity + 1);
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

    private void fillTo(int row) {
        if (row < rowsWritten) {
            throw new IllegalStateException("BytesVector rows are written in order: row " + row
                    + " comes after row " + (rowsWritten - 1));
        }
        int end = offsets[rowsWritten];
        for (int r = rowsWritten + 1; r <= row; r++) {
            offsets[r] = end;
        }
        rowsWritten = row;
    }
}
