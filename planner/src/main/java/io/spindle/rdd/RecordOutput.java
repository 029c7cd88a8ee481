package io.spindle.rdd;

import java.util.Arrays;

/** A growable byte buffer that {@link RecordSerde} writes records into. */
public final class RecordOutput {
    private byte[] data;
    private int size;

    public RecordOutput(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(size + extra, data.length * 2));
        }
    }

    void writeByte(int value) {
        ensure(1);
        data[size++] = (byte) value;
    }

    void writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            data[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        data[size++] = (byte) value;
    }

    void writeLong(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            data[size++] = (byte) (value >>> (i * 8));
        }
    }

    void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, data, size, length);
        size += length;
    }

    /** Counts {@code length} bytes the caller placed past {@link #size()} after {@link #ensure}. */
    void advance(int length) {
        size += length;
    }

    public byte[] array() {
        return data;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }
}
