package io.spindle.runtime.shuffle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer that writes primitive arrays without per-value streams. */
public final class ByteSink {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int size;

    public ByteSink(int capacity) {
        this.data = new byte[Math.max(16, capacity)];
    }

    public void ensure(int extra) {
        if (size + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(size + extra, data.length * 2));
        }
    }

    public void putByte(int value) {
        ensure(1);
        data[size++] = (byte) value;
    }

    public void putInt(int value) {
        ensure(4);
        INTS.set(data, size, value);
        size += 4;
    }

    public void putLong(long value) {
        ensure(8);
        LONGS.set(data, size, value);
        size += 8;
    }

    public void putInts(int[] values, int from, int count) {
        ensure(count * 4);
        for (int i = 0; i < count; i++) {
            INTS.set(data, size + i * 4, values[from + i]);
        }
        size += count * 4;
    }

    public void putLongs(long[] values, int from, int count) {
        ensure(count * 8);
        for (int i = 0; i < count; i++) {
            LONGS.set(data, size + i * 8, values[from + i]);
        }
        size += count * 8;
    }

    public void putBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, data, size, length);
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

    static int getInt(byte[] data, int offset) {
        return (int) INTS.get(data, offset);
    }

    static long getLong(byte[] data, int offset) {
        return (long) LONGS.get(data, offset);
    }
}
