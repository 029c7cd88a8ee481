package io.spindle.formats.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * PLAIN-encoded values: little-endian fixed-width numbers, LSB-first bit-packed booleans,
 * length-prefixed BINARY, and fixed-width FIXED_LEN_BYTE_ARRAY / INT96. Also decodes dictionary
 * pages, which are PLAIN. Reads straight from the page's byte array through var handles, which
 * the JIT turns into plain loads.
 */
final class PlainValues extends PageValues {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buffer;
    private final int end;
    private final int fixedLength; // FIXED_LEN_BYTE_ARRAY and INT96 width; -1 for BINARY
    private int position;
    private int bitOffset; // booleans: bits of buffer[position] already consumed

    PlainValues(byte[] buffer, int offset, int length, PrimitiveTypeName type, int typeLength) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.fixedLength = type == PrimitiveTypeName.INT96 ? 12
                : type == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? typeLength : -1;
    }

    @Override
    void readBooleans(boolean[] target, int offset, int count) {
        require((bitOffset + count + 7) / 8);
        for (int i = 0; i < count; i++) {
            target[offset + i] = (buffer[position] & (1 << bitOffset)) != 0;
            if (++bitOffset == 8) {
                bitOffset = 0;
                position++;
            }
        }
    }

    @Override
    void readInts(int[] target, int offset, int count) {
        require(4L * count);
        int p = position;
        for (int i = 0; i < count; i++, p += 4) {
            target[offset + i] = (int) INT.get(buffer, p);
        }
        position = p;
    }

    @Override
    void readLongs(long[] target, int offset, int count) {
        require(8L * count);
        int p = position;
        for (int i = 0; i < count; i++, p += 8) {
            target[offset + i] = (long) LONG.get(buffer, p);
        }
        position = p;
    }

    @Override
    void readFloats(double[] target, int offset, int count) {
        require(4L * count);
        int p = position;
        for (int i = 0; i < count; i++, p += 4) {
            target[offset + i] = (float) FLOAT.get(buffer, p);
        }
        position = p;
    }

    @Override
    void readDoubles(double[] target, int offset, int count) {
        require(8L * count);
        int p = position;
        for (int i = 0; i < count; i++, p += 8) {
            target[offset + i] = (double) DOUBLE.get(buffer, p);
        }
        position = p;
    }

    @Override
    void readBinaries(int count, BinarySink sink) {
        if (fixedLength >= 0) {
            require((long) fixedLength * count);
            for (int i = 0; i < count; i++, position += fixedLength) {
                sink.accept(i, buffer, position, fixedLength);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            require(4);
            int length = (int) INT.get(buffer, position);
            position += 4;
            if (length < 0) {
                throw new IllegalStateException("Negative BINARY length " + length);
            }
            require(length);
            sink.accept(i, buffer, position, length);
            position += length;
        }
    }

    private void require(long bytes) {
        if (position + bytes > end) {
            throw new IllegalStateException("Page values end early: need " + bytes + " bytes at " + position
                    + ", page ends at " + end);
        }
    }
}
