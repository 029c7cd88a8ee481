package io.spindle.formats.parquet;

/** RLE-encoded BOOLEAN values (data page V2): a 4-byte length, then the hybrid encoding at width 1. */
final class RleBooleanValues extends PageValues {
    private final RleBitPackedDecoder decoder;
    private int[] scratch = new int[0];

    RleBooleanValues(byte[] buffer, int offset, int length) {
        int runLength = (buffer[offset] & 0xFF) | (buffer[offset + 1] & 0xFF) << 8
                | (buffer[offset + 2] & 0xFF) << 16 | (buffer[offset + 3] & 0xFF) << 24;
        if (runLength < 0 || runLength > length - 4) {
            throw new IllegalStateException("RLE boolean length " + runLength + " exceeds the page");
        }
        this.decoder = new RleBitPackedDecoder(buffer, offset + 4, runLength, 1);
    }

    @Override
    void readBooleans(boolean[] target, int offset, int count) {
        if (scratch.length < count) {
            scratch = new int[count];
        }
        decoder.read(scratch, 0, count);
        for (int i = 0; i < count; i++) {
            target[offset + i] = scratch[i] != 0;
        }
    }

    @Override
    void readInts(int[] target, int offset, int count) {
        throw wrongType();
    }

    @Override
    void readLongs(long[] target, int offset, int count) {
        throw wrongType();
    }

    @Override
    void readFloats(double[] target, int offset, int count) {
        throw wrongType();
    }

    @Override
    void readDoubles(double[] target, int offset, int count) {
        throw wrongType();
    }

    @Override
    void readBinaries(int count, BinarySink sink) {
        throw wrongType();
    }

    private static IllegalStateException wrongType() {
        return new IllegalStateException("RLE value encoding is only valid for BOOLEAN columns");
    }
}
