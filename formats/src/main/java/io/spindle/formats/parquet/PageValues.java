package io.spindle.formats.parquet;

/**
 * The values (not levels) of one data page, read densely: {@code count} non-null values at a time.
 * One subclass per value encoding; each reads only the methods that fit its physical type.
 */
abstract class PageValues {
    /** Receives variable-length values; {@code index} counts from 0 within one read call. */
    interface BinarySink {
        void accept(int index, byte[] buffer, int offset, int length);
    }

    abstract void readBooleans(boolean[] target, int offset, int count);

    abstract void readInts(int[] target, int offset, int count);

    abstract void readLongs(long[] target, int offset, int count);

    /** FLOAT values, widened. */
    abstract void readFloats(double[] target, int offset, int count);

    abstract void readDoubles(double[] target, int offset, int count);

    /** BINARY, FIXED_LEN_BYTE_ARRAY and INT96 values, each as a slice of a buffer. */
    abstract void readBinaries(int count, BinarySink sink);
}
