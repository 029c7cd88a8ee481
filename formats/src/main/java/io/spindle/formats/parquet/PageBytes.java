package io.spindle.formats.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;

/** A page's bytes as an array slice, without a copy when the page already sits in a heap buffer. */
record PageBytes(byte[] array, int offset, int length) {
    static PageBytes of(BytesInput input) throws IOException {
        ByteBuffer buffer = input.toByteBuffer();
        if (buffer.hasArray()) {
            return new PageBytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new PageBytes(copy, 0, copy.length);
    }

    int intAt(int position) {
        return (array[position] & 0xFF) | (array[position + 1] & 0xFF) << 8
                | (array[position + 2] & 0xFF) << 16 | (array[position + 3] & 0xFF) << 24;
    }

    ByteBuffer slice(int from) {
        return ByteBuffer.wrap(array, offset + from, length - from).slice();
    }
}
