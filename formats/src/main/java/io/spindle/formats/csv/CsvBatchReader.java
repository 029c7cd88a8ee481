package io.spindle.formats.csv;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.text.FieldParser;
import io.spindle.formats.text.MalformedRecords;
import io.spindle.formats.text.SplitInput;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads the CSV records that start in a split into column batches. Columns are found by name in
 * the file's schema (the explicit one, else the header's names, else {@code _c0, _c1, ...}), so
 * only the required columns are converted; a required column the file lacks reads as nulls.
 *
 * <p>Nulls: an unquoted field equal to {@code nullValue} is null; an empty field is null for every
 * type but string, where a quoted empty field ({@code ""}) is the empty string.
 *
 * <p>A record with the wrong number of fields, a value that does not parse as its column's type,
 * or an unterminated quote is malformed, and handled by the options' {@link
 * io.spindle.formats.text.MalformedPolicy}; errors name the file, offset, line and column.
 */
public final class CsvBatchReader implements BatchReader {
    private final Configuration conf;
    private final FileSplit split;
    private final Schema schema;
    private final Schema fileSchema;
    private final CsvOptions options;
    private final SplitInput input;
    private final CsvTokenizer tokenizer;
    private final MalformedRecords malformed;
    private final ColumnBatch batch;
    private final int batchSize;
    private final int[] positions;
    private final FieldParser[] parsers;
    private final int[] conversionOrder;
    private final byte[] nullBytes;
    private final Charset charset;
    private final long firstRecordOffset;
    private long lineBase = -1;
    private long rowsRead;
    private long bytesStart;

    CsvBatchReader(Configuration conf, FileSplit split, Schema requiredSchema, CsvOptions options, int batchSize)
            throws IOException {
        this.conf = conf;
        this.split = split;
        this.schema = requiredSchema;
        this.options = options;
        this.batchSize = batchSize;
        this.charset = options.resolvedCharset();
        this.nullBytes = options.nullValue().getBytes(charset);
        this.input = SplitInput.open(conf, split);
        try {
            this.tokenizer = new CsvTokenizer(input, options);
            this.firstRecordOffset = input.position();
            this.bytesStart = firstRecordOffset;
            this.fileSchema = resolveFileSchema();
            this.positions = new int[requiredSchema.size()];
            this.parsers = new FieldParser[requiredSchema.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = fileSchema.findIndex(requiredSchema.field(i).name()).orElse(-1);
                parsers[i] = new FieldParser(requiredSchema.field(i).type(), options.dateFormatter(),
                        options.timestampFormatter());
            }
            this.conversionOrder = conversionOrder(parsers);
            this.malformed = new MalformedRecords(options.malformed(), conf, split.path(), split.start());
            this.batch = ColumnBatch.allocate(requiredSchema, batchSize);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private Schema resolveFileSchema() throws IOException {
        if (split.start() == 0 && options.header()) {
            // The header is the split's first record: read it here rather than opening the file twice.
            Schema fromHeader = tokenizer.next() ? CsvSchemaInference.namesOnly(CsvSchemaInference.headerNames(tokenizer,
                    charset)) : Schema.of();
            return options.schema().orElse(fromHeader);
        }
        if (options.schema().isPresent()) {
            return options.schema().get();
        }
        return CsvSchemaInference.namesOnly(CsvSchemaInference.firstRecordNames(conf, split.path(), options));
    }

    /** Columns whose parsing can fail first, strings last: a bad value then leaves no string row written. */
    private static int[] conversionOrder(FieldParser[] parsers) {
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < parsers.length; i++) {
                if (parsers[i].canFail() == (pass == 0)) {
                    order.add(i);
                }
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ColumnBatch next() throws IOException {
        batch.reset();
        int row = 0;
        while (row < batchSize && input.position() < split.end() && tokenizer.next()) {
            if (convertRecord(row)) {
                row++;
            } else {
                clearRow(row);
            }
        }
        rowsRead += row;
        if (row == 0) {
            return null;
        }
        batch.setRowCount(row);
        return batch;
    }

    /** Converts the tokenizer's record into {@code row}; false if it was malformed (and handled). */
    private boolean convertRecord(int row) throws IOException {
        if (tokenizer.unterminatedField() >= 0) {
            return malformed(columnAt(tokenizer.unterminatedField()) + ": unterminated quoted field");
        }
        int fields = tokenizer.fieldCount();
        if (fields != fileSchema.size()) {
            return malformed(fieldCountProblem(fields));
        }
        for (int i : conversionOrder) {
            ColumnVector vector = batch.column(i);
            int position = positions[i];
            if (position < 0) {
                vector.setNull(row);
                continue;
            }
            byte[] bytes = tokenizer.values();
            int start = tokenizer.start(position);
            int length = tokenizer.end(position) - start;
            if (isNull(bytes, start, length, tokenizer.quoted(position), parsers[i].canFail())) {
                vector.setNull(row);
                continue;
            }
            if (charset != StandardCharsets.UTF_8) {
                bytes = new String(bytes, start, length, charset).getBytes(StandardCharsets.UTF_8);
                start = 0;
                length = bytes.length;
            }
            try {
                parsers[i].parse(vector, row, bytes, start, length);
            } catch (IllegalArgumentException | ArithmeticException e) {
                return malformed(columnAt(position) + ": cannot read '" + preview(bytes, start, length) + "' as "
                        + parsers[i].type().simpleString() + " (" + e.getMessage() + ")");
            }
        }
        return true;
    }

    private boolean isNull(byte[] bytes, int start, int length, boolean quoted, boolean nonString) {
        if (length == 0 && (nonString || !quoted)) {
            return true;
        }
        return !quoted && length == nullBytes.length
                && java.util.Arrays.equals(bytes, start, start + length, nullBytes, 0, nullBytes.length);
    }

    private String fieldCountProblem(int fields) {
        int columns = fileSchema.size();
        String detail = fields < columns ? "no value for column '" + fileSchema.field(fields).name() + "'"
                : columns == 0 ? "the file has no columns" : "field " + (columns + 1) + " is past the last column '"
                        + fileSchema.field(columns - 1).name() + "'";
        return "record has " + fields + " field" + (fields == 1 ? "" : "s") + " but the schema has " + columns + ": "
                + detail;
    }

    private String columnAt(int position) {
        return position < fileSchema.size() ? "column '" + fileSchema.field(position).name() + "'"
                : "field " + (position + 1);
    }

    private static String preview(byte[] bytes, int start, int length) {
        String text = new String(bytes, start, Math.min(length, 64), StandardCharsets.UTF_8);
        return length > 64 ? text + "..." : text;
    }

    private boolean malformed(String problem) throws IOException {
        FormatException error = new FormatException(split.path().toString(), tokenizer.recordOffset(),
                "line " + lineNumber() + ", " + problem, null);
        malformed.handle(error, tokenizer.raw().bytes(), 0, tokenizer.raw().length());
        return false;
    }

    private long lineNumber() throws IOException {
        if (lineBase < 0) {
            lineBase = split.start() == 0 ? 1 : SplitInput.lineNumberAt(conf, split.path(), firstRecordOffset);
        }
        return lineBase + tokenizer.linesBeforeRecord();
    }

    /** A dropped record may have set nulls or values in {@code row}; the next record reuses it. */
    private void clearRow(int row) {
        for (int i = 0; i < batch.columnCount(); i++) {
            batch.column(i).nulls()[row] = false;
        }
    }

    /** Bad records dropped so far (under DROPMALFORMED or QUARANTINE). */
    public MalformedRecords malformedRecords() {
        return malformed;
    }

    @Override
    public ReadMetrics metrics() {
        return new ReadMetrics(0, 0, 0, 0, 0, input.position() - bytesStart, rowsRead)
                .withMalformedRecords(malformed.count());
    }

    @Override
    public void close() throws IOException {
        try {
            malformed.close();
        } finally {
            input.close();
        }
    }
}
