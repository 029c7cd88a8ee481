package io.spindle.formats.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's codecs, with Snappy pages decompressed in one call from the page's bytes into a
 * buffer reused by the column chunk's pages. The default path goes through Hadoop's codec streams: a new
 * decompressor stream and its buffers for every page, then a copy out of the stream; for the small
 * pages of a scan that is a large part of reading them. Every other codec (and compression) is
 * the default factory's.
 */
final class HeapSnappyCodecFactory implements CompressionCodecFactory {
    /**
     * Decompresses the pages of one column chunk (parquet-mr asks for a decompressor per chunk) into
     * one buffer reused from page to page: a chunk's reader is done with a page (its dictionary is
     * decoded into vectors at once) before it asks for the next, so only the current page lives.
     */
    private static final class SnappyPages implements BytesInputDecompressor {
        private byte[] buffer = new byte[0];

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            ByteBuffer input = bytes.toByteBuffer();
            if (buffer.length < uncompressedSize) {
                buffer = new byte[Math.max(uncompressedSize, Math.min(buffer.length * 2, 16 << 20))];
            }
            int length;
            if (input.hasArray()) {
                length = Snappy.uncompress(input.array(), input.arrayOffset() + input.position(), input.remaining(),
                        buffer, 0);
            } else {
                byte[] copy = bytes.toByteArray();
                length = Snappy.uncompress(copy, 0, copy.length, buffer, 0);
            }
            if (length != uncompressedSize) {
                throw new IOException("Snappy page decompressed to " + length + " bytes, but its header says "
                        + uncompressedSize);
            }
            return BytesInput.from(buffer, 0, uncompressedSize);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.duplicate().get(compressed);
            output.put(decompress(BytesInput.from(compressed), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {
            buffer = new byte[0];
        }
    }

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
        return codecName == CompressionCodecName.SNAPPY ? new SnappyPages() : defaults.getDecompressor(codecName);
    }

    @Override
    public void release() {
        defaults.release();
    }
}
