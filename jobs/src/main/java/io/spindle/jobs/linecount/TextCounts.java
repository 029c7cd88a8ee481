package io.spindle.jobs.linecount;

import java.io.Serializable;

/** Lines, words and bytes of some text; partial counts of splits add up. */
public record TextCounts(long lines, long words, long bytes) implements Serializable {

    public static final TextCounts ZERO = new TextCounts(0, 0, 0);

    public TextCounts plus(TextCounts other) {
        return new TextCounts(lines + other.lines, words + other.words, bytes + other.bytes);
    }

    /** {@code lines<TAB>words<TAB>bytes}, the job's output format. */
    public String toLine() {
        return lines + "\t" + words + "\t" + bytes;
    }

    public static TextCounts parse(String line) {
        String[] fields = line.strip().split("\t");
        if (fields.length != 3) {
            throw new IllegalArgumentException("Not a lines<TAB>words<TAB>bytes line: '" + line + "'");
        }
        return new TextCounts(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }

    /**
     * Counts a whole text held in memory with the same rules as {@link TextSplitTask}: a line is
     * ended by '\n' or by the end of the text; words are runs of bytes that are not ASCII
     * whitespace. The reference for tests and the demo.
     */
    public static TextCounts of(byte[] text) {
        long lines = 0;
        long words = 0;
        boolean inWord = false;
        boolean lineOpen = false;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
                lineOpen = false;
            } else {
                lineOpen = true;
            }
            boolean space = TextSplitTask.isSpace(b);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return new TextCounts(lines + (lineOpen ? 1 : 0), words, text.length);
    }
}
