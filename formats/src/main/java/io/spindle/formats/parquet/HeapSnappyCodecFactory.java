package io.spindle.formats.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's codecs, with Snappy pages decompressed in one call from the page's bytes into an
 * array of the page's size. The default path goes through Hadoop's codec streams: a new
 * decompressor stream and its buffers for every page, then a copy out of the stream; for the small
 * pages of a scan that is a large part of reading them. Every other codec (and compression) is
 * the default factory's.
 */
final class HeapSnappyCodecFactory implements CompressionCodecFactory {
    private static final BytesInputDecompressor SNAPPY = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            ByteBuffer input = bytes.toByteBuffer();
            byte[] output = new byte[uncompressedSize];
            int length;
            if (input.hasArray()) {
                length = Snappy.uncompress(input.array(), input.arrayOffset() + input.position(), input.remaining(),
                        output, 0);
            } else {
                byte[] copy = bytes.toByteArray();
                length = Snappy.uncompress(copy, 0, copy.length, output, 0);
            }
            if (length != uncompressedSize) {
                throw new IOException("Snappy page decompressed to " + length + " bytes, but its header says "
                        + uncompressedSize);
            }
            return BytesInput.from(output);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.duplicate().get(compressed);
            byte[] decompressed = decompress(BytesInput.from(compressed), uncompressedSize).toByteArray();
            output.put(decompressed);
        }

        @Override
        public void release() {
        }
    };

    private final CompressionCodecFactory defaults;

    HeapSnappyCodecFactory(CompressionCodecFactory defaults) {
        this.defaults = defaults;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return defaults.getCompressor(codecName);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return codecName == CompressionCodecName.SNAPPY ? SNAPPY : defaults.getDecompressor(codecName);
    }

    @Override
    public void release() {
        defaults.release();
    }
}
