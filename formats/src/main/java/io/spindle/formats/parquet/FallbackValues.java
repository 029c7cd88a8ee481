package io.spindle.formats.parquet;

import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * Encodings Spindle has no fast path for yet (DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
 * DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT), through parquet-column's own value readers, one value at
 * a time. Spark and parquet-mr write PLAIN and dictionary by default, so this path is rare.
 */
final class FallbackValues extends PageValues {
    private final ValuesReader reader;

    FallbackValues(ValuesReader reader) {
        this.reader = reader;
    }

    @Override
    void readBooleans(boolean[] target, int offset, int count) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = reader.readBoolean();
        }
    }

    @Override
    void readInts(int[] target, int offset, int count) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = reader.readInteger();
        }
    }

    @Override
    void readLongs(long[] target, int offset, int count) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = reader.readLong();
        }
    }

    @Override
    void readFloats(double[] target, int offset, int count) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = reader.readFloat();
        }
    }

    @Override
    void readDoubles(double[] target, int offset, int count) {
        for (int i = 0; i < count; i++) {
            target[offset + i] = reader.readDouble();
        }
    }

    @Override
    void readBinaries(int count, BinarySink sink) {
        for (int i = 0; i < count; i++) {
            Binary value = reader.readBytes();
            byte[] bytes = value.getBytesUnsafe();
            sink.accept(i, bytes, 0, bytes.length);
        }
    }
}
