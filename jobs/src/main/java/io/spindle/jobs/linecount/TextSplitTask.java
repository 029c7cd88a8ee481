package io.spindle.jobs.linecount;

import io.spindle.exec.Task;
import io.spindle.exec.TaskContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Counts the lines, words and bytes of one split of a text file.
 *
 * <p>A split owns the lines that <em>start</em> inside {@code [start, start + length)}. Unless it
 * starts at 0 it skips the line in progress at {@code start} (the previous split owns it), and it
 * reads its last line to the end even past its range. So every line is counted exactly once
 * whatever the split size.
 */
public record TextSplitTask(String file, long start, long length, List<String> hosts) implements Task<TextCounts> {

    private static final int BUFFER = 1 << 16;

    @Override
    public List<String> preferredHosts() {
        return hosts;
    }

    @Override
    public TextCounts run(TaskContext context) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(context.hadoopConf());
        try (FSDataInputStream raw = fs.open(path)) {
            long position = start;
            if (start > 0) {
                raw.seek(start - 1);
                position = start - 1;
            }
            InputStream in = new BufferedInputStream(raw, BUFFER);
            if (start > 0) {
                position += skipPastNewline(in);
            }
            return count(in, position, start + length);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + " at offset " + start + ": " + e.getMessage(), e);
        }
    }

    /** Consumes through the first '\n'; returns the bytes consumed. */
    private static long skipPastNewline(InputStream in) throws IOException {
        long consumed = 0;
        int b;
        while ((b = in.read()) >= 0) {
            consumed++;
            if (b == '\n') {
                break;
            }
        }
        return consumed;
    }

    /** Counts lines that start before {@code end}, beginning at a line start {@code position}. */
    private static TextCounts count(InputStream in, long position, long end) throws IOException {
        long lines = 0;
        long words = 0;
        long bytes = 0;
        boolean inWord = false;
        boolean lineOpen = false;
        byte[] buffer = new byte[BUFFER];
        while (position < end || lineOpen) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            int i = 0;
            for (; i < read; i++) {
                if (!lineOpen && position + i >= end) {
                    break; // the next line starts in the next split
                }
                byte b = buffer[i];
                bytes++;
                if (b == '\n') {
                    lines++;
                    lineOpen = false;
                } else {
                    lineOpen = true;
                }
                boolean space = isSpace(b);
                if (!space && !inWord) {
                    words++;
                }
                inWord = !space;
            }
            position += i;
            if (i < read) {
                break;
            }
        }
        return new TextCounts(lines + (lineOpen ? 1 : 0), words, bytes);
    }

    /** ASCII whitespace: space, \t, \n, \u000B, \f, \r. */
    static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
