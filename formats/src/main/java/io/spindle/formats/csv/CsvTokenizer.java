package io.spindle.formats.csv;

import io.spindle.formats.text.RecordBuffer;
import io.spindle.formats.text.SplitInput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts a CSV byte stream into records and fields. Field values are unquoted and unescaped into one
 * buffer (field i is {@code values()[start(i) .. end(i))}); the record's raw bytes are kept too,
 * for quarantine. Blank lines are skipped, as Spark does. Inside quotes, a doubled quote is a
 * quote, and an escape character (when it differs from the quote) takes the next byte literally.
 * Text after a closing quote is kept as part of the field (univocity's leniency, which Spark shows).
 */
final class CsvTokenizer {
    private final SplitInput input;
    private final int delimiter;
    private final int quote;
    private final int escape;
    private final boolean multiLine;
    private final RecordBuffer raw = new RecordBuffer();
    private final RecordBuffer values = new RecordBuffer();
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fieldCount;
    private int unterminatedField;
    private long recordOffset;
    private long recordLine;

    CsvTokenizer(SplitInput input, CsvOptions options) {
        this.input = input;
        this.delimiter = options.delimiter();
        this.quote = options.quote();
        this.escape = options.escape();
        this.multiLine = options.multiLine();
    }

    /** Reads the next non-blank record; false at the end of the file. */
    boolean next() throws IOException {
        int b = skipBlankLines();
        if (b == -1) {
            return false;
        }
        raw.clear();
        raw.append(b);
        values.clear();
        fieldCount = 0;
        unterminatedField = -1;
        while (true) {
            int terminator = field(b);
            if (terminator != delimiter) {
                raw.trimLineEnd();
                return true;
            }
            b = read();
        }
    }

    private int skipBlankLines() throws IOException {
        while (true) {
            recordOffset = input.position();
            recordLine = input.linesConsumed();
            int b = input.read();
            if (b == '\r' && input.peek() == '\n') {
                b = input.read();
            }
            if (b != '\n') {
                return b;
            }
        }
    }

    /** Reads one field starting with byte {@code b}; returns what ended it: the delimiter, '\n' or -1. */
    private int field(int b) throws IOException {
        int index = addField();
        if (b == quote) {
            quoted[index] = true;
            b = quotedContent(index);
        }
        while (b != -1 && b != delimiter && b != '\n') {
            if (b == '\r' && input.peek() == '\n') {
                b = read();
                break;
            }
            values.append(b);
            b = read();
        }
        ends[index] = values.length();
        return b;
    }

    /** Consumes a quoted field's content after the opening quote; returns the byte after the closing quote. */
    private int quotedContent(int index) throws IOException {
        while (true) {
            int b = read();
            if (b == -1 || (b == '\n' && !multiLine)) {
                unterminatedField = index;
                return b;
            }
            if (b == quote) {
                if (input.peek() != quote) {
                    return read();
                }
                b = read();
            } else if (b == escape && escape != quote) {
                b = read();
                if (b == -1) {
                    unterminatedField = index;
                    return b;
                }
            }
            values.append(b);
        }
    }

    private int read() throws IOException {
        int b = input.read();
        if (b != -1) {
            raw.append(b);
        }
        return b;
    }

    private int addField() {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
            quoted = Arrays.copyOf(quoted, fieldCount * 2);
        }
        starts[fieldCount] = values.length();
        quoted[fieldCount] = false;
        return fieldCount++;
    }

    int fieldCount() {
        return fieldCount;
    }

    byte[] values() {
        return values.bytes();
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean quoted(int field) {
        return quoted[field];
    }

    /** The field whose quote never closed, or -1. */
    int unterminatedField() {
        return unterminatedField;
    }

    RecordBuffer raw() {
        return raw;
    }

    /** File offset of the record's first byte. */
    long recordOffset() {
        return recordOffset;
    }

    /** Lines before the record, counted from the split's first record. */
    long linesBeforeRecord() {
        return recordLine;
    }
}
