package io.spindle.formats.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array for one record or line, reused across records to avoid allocation. */
public final class RecordBuffer {
    private byte[] bytes = new byte[256];
    private int length;

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public void clear() {
        length = 0;
    }

    public void append(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
    }

    public void append(byte[] source, int offset, int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
        }
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Drops a trailing {@code \n} or {@code \r\n}: the terminator of a record read byte by byte. */
    public void trimLineEnd() {
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            trimCarriageReturn();
        }
    }

    /** Drops a trailing {@code \r}, so that CRLF files read like LF files. */
    void trimCarriageReturn() {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
