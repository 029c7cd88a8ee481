package io.spindle.formats.text;

import io.spindle.formats.FileSplit;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Buffered bytes of one split of a line-oriented file, positioned at the first record that starts
 * in the split. A split owns the records whose first byte lies in {@code [start, end)}: a reader
 * not at the file's start backs up one byte and skips to just past the next newline, so a record
 * cut by the split boundary is read whole by the split it starts in and skipped by the next one —
 * Hadoop's rule for text splits, made exact at the boundary.
 */
public final class SplitInput implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private long bufferStart;
    private long lines;

    private SplitInput(InputStream in, long start) {
        this.in = in;
        this.bufferStart = start;
    }

    /** Opens the split, positioned at the first record starting at or after {@code split.start()}. */
    public static SplitInput open(Configuration conf, FileSplit split) throws IOException {
        FileSystem fs = split.path().getFileSystem(conf);
        FSDataInputStream stream = fs.open(split.path());
        try {
            long seekTo = Math.max(0, split.start() - 1);
            stream.seek(seekTo);
            SplitInput input = new SplitInput(stream, seekTo);
            if (split.start() > 0) {
                for (int b = input.read(); b != -1 && b != '\n'; b = input.read()) {
                    // skip the tail of the record that started in the previous split
                }
                input.lines = 0;
            }
            return input;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The next byte, or -1 at the end of the file. */
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        byte b = buffer[position++];
        if (b == '\n') {
            lines++;
        }
        return b & 0xFF;
    }

    /** The next byte without consuming it, or -1 at the end of the file. */
    public int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    /** File offset of the next byte {@link #read()} returns. */
    public long position() {
        return bufferStart + position;
    }

    /** Newlines consumed since the split's first record. */
    public long linesConsumed() {
        return lines;
    }

    /**
     * Reads one line into {@code line} without its terminator ({@code \n} or {@code \r\n}).
     *
     * @return false at the end of the file with nothing read
     */
    public boolean readLine(RecordBuffer line) throws IOException {
        line.clear();
        if (peek() == -1) {
            return false;
        }
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            int from = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, from, position - from);
            if (position < limit) {
                position++; // the newline
                lines++;
                break;
            }
        }
        line.trimCarriageReturn();
        return true;
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        position = 0;
        limit = 0;
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            return false;
        }
        limit = read;
        return true;
    }

    /**
     * The 1-based line number at {@code offset} in a file, counted by reading the file up to there.
     * Used only to name the line of a bad record in a split that does not start the file.
     */
    public static long lineNumberAt(Configuration conf, Path file, long offset) throws IOException {
        long newlines = 0;
        try (FSDataInputStream stream = file.getFileSystem(conf).open(file)) {
            byte[] chunk = new byte[BUFFER_BYTES];
            long remaining = offset;
            while (remaining > 0) {
                int read = stream.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        newlines++;
                    }
                }
                remaining -= read;
            }
        }
        return newlines + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
