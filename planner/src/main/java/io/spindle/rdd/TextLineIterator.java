package io.spindle.rdd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of one {@link TextSplit}: unless the split starts at 0 it skips the line in progress
 * (the previous split owns it), and it reads its last line to the end even past the range. Lines
 * end at '\n'; a '\r' before it is dropped. Closes the stream at the end.
 */
final class TextLineIterator implements Iterator<String> {
    private final InputStream in;
    private final long end;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPosition;
    private int bufferLimit;
    private long position; // file offset of buffer[bufferPosition]
    private byte[] line = new byte[256];
    private String next;
    private boolean done;

    /** @param in positioned at {@code start - 1} when start > 0, else at 0 */
    TextLineIterator(InputStream in, long start, long length) {
        this.in = in;
        this.end = start + length;
        this.position = start > 0 ? start - 1 : 0;
        if (start > 0) {
            skipLine();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readLine();
            if (next == null) {
                done = true;
                close();
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String result = next;
        next = null;
        return result;
    }

    private boolean fill() {
        try {
            bufferLimit = in.read(buffer);
            bufferPosition = 0;
            return bufferLimit > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void skipLine() {
        while (true) {
            if (bufferPosition >= bufferLimit && !fill()) {
                return;
            }
            byte b = buffer[bufferPosition++];
            position++;
            if (b == '\n') {
                return;
            }
        }
    }

    private String readLine() {
        if (position >= end) {
            return null;
        }
        for (int i = bufferPosition; i < bufferLimit; i++) {
            if (buffer[i] == '\n') {
                // The whole line is in the buffer: decode it from there, without copying it first.
                int from = bufferPosition;
                position += i + 1 - from;
                bufferPosition = i + 1;
                int length = i > from && buffer[i - 1] == '\r' ? i - 1 - from : i - from;
                return new String(buffer, from, length, StandardCharsets.UTF_8);
            }
        }
        return readSpanningLine();
    }

    /** A line that runs past the buffer: copied piece by piece as the buffer refills. */
    private String readSpanningLine() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (bufferPosition >= bufferLimit && !fill()) {
                break;
            }
            any = true;
            int from = bufferPosition;
            int newline = -1;
            for (int i = from; i < bufferLimit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int to = newline < 0 ? bufferLimit : newline;
            if (length + (to - from) > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + (to - from)));
            }
            System.arraycopy(buffer, from, line, length, to - from);
            length += to - from;
            position += to - from;
            bufferPosition = to;
            if (newline >= 0) {
                bufferPosition++;
                position++;
                break;
            }
        }
        if (!any) {
            return null;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
