package io.spindle.formats.parquet;

import java.util.Arrays;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Decodes Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids, RLE
 * booleans) into int arrays a batch at a time, unpacking bit-packed runs eight values per call
 * instead of one value per virtual call.
 */
final class RleBitPackedDecoder {
    private final byte[] buffer;
    private final int end;
    private final int bitWidth;
    private final int bytesPerRleValue;
    private final BytePacker packer;
    private int position;

    private boolean rleRun;
    private int remainingInRun;
    private int rleValue;
    private int[] unpacked = new int[64];
    private int unpackedPosition;

    RleBitPackedDecoder(byte[] buffer, int offset, int length, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalArgumentException("Invalid RLE bit width " + bitWidth);
        }
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.bitWidth = bitWidth;
        this.bytesPerRleValue = (bitWidth + 7) / 8;
        this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
    }

    /** Decodes the next {@code count} values into {@code target[offset ..]}. */
    void read(int[] target, int offset, int count) {
        while (count > 0) {
            if (remainingInRun == 0) {
                nextRun();
            }
            int n = Math.min(count, remainingInRun);
            if (rleRun) {
                Arrays.fill(target, offset, offset + n, rleValue);
            } else {
                System.arraycopy(unpacked, unpackedPosition, target, offset, n);
                unpackedPosition += n;
            }
            remainingInRun -= n;
            offset += n;
            count -= n;
        }
    }

    /**
     * Reads {@code count} definition levels and marks null rows ({@code level < maxLevel}) in
     * {@code nulls[offset ..]}; returns the number of non-null rows.
     */
    int readNulls(boolean[] nulls, int offset, int count, int maxLevel, int[] scratch) {
        read(scratch, 0, count);
        int nonNull = 0;
        for (int i = 0; i < count; i++) {
            boolean isNull = scratch[i] < maxLevel;
            nulls[offset + i] = isNull;
            nonNull += isNull ? 0 : 1;
        }
        return nonNull;
    }

    private void nextRun() {
        if (position >= end) {
            throw new IllegalStateException("RLE data ends early at byte " + position);
        }
        int header = readUnsignedVarInt();
        if ((header & 1) == 0) {
            rleRun = true;
            remainingInRun = header >>> 1;
            rleValue = readRleValue();
        } else {
            rleRun = false;
            int groups = header >>> 1;
            remainingInRun = groups * 8;
            unpackGroups(groups);
        }
        if (remainingInRun <= 0) {
            throw new IllegalStateException("Empty RLE run at byte " + position);
        }
    }

    private int readRleValue() {
        if (position + bytesPerRleValue > end) {
            throw new IllegalStateException("RLE value past the end of the data");
        }
        int value = 0;
        for (int i = 0; i < bytesPerRleValue; i++) {
            value |= (buffer[position++] & 0xFF) << (8 * i);
        }
        return value;
    }

    private void unpackGroups(int groups) {
        if (unpacked.length < groups * 8) {
            unpacked = new int[groups * 8];
        }
        unpackedPosition = 0;
        int bytes = groups * bitWidth;
        byte[] source = buffer;
        int start = position;
        if (position + bytes > end) {
            // Writers may end the last run early; the missing bytes are zero padding.
            source = Arrays.copyOfRange(buffer, position, position + bytes);
            Arrays.fill(source, end - position, bytes, (byte) 0);
            start = 0;
        }
        for (int group = 0; group < groups; group++) {
            packer.unpack8Values(source, start + group * bitWidth, unpacked, group * 8);
        }
        position = Math.min(end, position + bytes);
    }

    private int readUnsignedVarInt() {
        int value = 0;
        int shift = 0;
        while (true) {
            if (position >= end || shift > 28) {
                throw new IllegalStateException("Malformed RLE run header");
            }
            int b = buffer[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
