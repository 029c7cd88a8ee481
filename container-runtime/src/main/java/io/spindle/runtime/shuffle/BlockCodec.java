package io.spindle.runtime.shuffle;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.util.Locale;

/**
 * Frames serialized blocks, optionally LZ4-compressed: {@code [rawLength][storedLength][bytes]}.
 * A stored length equal to the raw length means the block was left uncompressed.
 */
public final class BlockCodec {
    private final boolean compress;
    private final Lz4Compressor compressor = new Lz4Compressor();
    private final Lz4Decompressor decompressor = new Lz4Decompressor();
    private byte[] scratch = new byte[0];

    public BlockCodec(String codec) {
        switch (codec.toLowerCase(Locale.ROOT)) {
            case "lz4": compress = true; break;
            case "none": compress = false; break;
            default: throw new IllegalArgumentException("Unknown shuffle codec '" + codec + "': expected lz4 or none");
        }
    }

    /** Appends {@code raw[0, length)} as one frame to {@code out}. */
    public void writeFrame(byte[] raw, int length, ByteSink out) {
        out.putInt(length);
        if (compress) {
            int max = compressor.maxCompressedLength(length);
            if (scratch.length < max) {
                scratch = new byte[max];
            }
            int compressed = compressor.compress(raw, 0, length, scratch, 0, max);
            if (compressed < length) {
                out.putInt(compressed);
                out.putBytes(scratch, 0, compressed);
                return;
            }
        }
        out.putInt(length);
        out.putBytes(raw, 0, length);
    }

    /** Reads the frame at {@code position[0]}, advancing it; returns the raw block bytes. */
    public byte[] readFrame(byte[] data, int[] position) {
        int offset = position[0];
        int rawLength = ByteSink.getInt(data, offset);
        int storedLength = ByteSink.getInt(data, offset + 4);
        offset += 8;
        byte[] raw = new byte[rawLength];
        if (storedLength == rawLength) {
            System.arraycopy(data, offset, raw, 0, rawLength);
        } else {
            decompressor.decompress(data, offset, storedLength, raw, 0, rawLength);
        }
        position[0] = offset + storedLength;
        return raw;
    }
}
