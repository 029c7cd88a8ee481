package io.spindle.rdd;

/** Reads what {@link RecordOutput} wrote, from {@code data[position, end)}. */
public final class RecordInput {
    private final byte[] data;
    private int position;
    private final int end;

    public RecordInput(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    int readByte() {
        return data[position++];
    }

    int readVarInt() {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = data[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    long readLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (data[position++] & 0xFFL) << (i * 8);
        }
        return value;
    }

    byte[] data() {
        return data;
    }

    int position() {
        return position;
    }

    void skip(int bytes) {
        position += bytes;
    }
}
