package io.spindle.formats.json;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.text.FieldParser;
import io.spindle.formats.text.MalformedRecords;
import io.spindle.formats.text.RecordBuffer;
import io.spindle.formats.text.SplitInput;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads JSON lines that start in a split. Each non-blank line must be one JSON object; its
 * top-level fields fill the required columns by name (exact case first, then ignoring case); a
 * missing field or JSON null reads as null. Conversions follow Spark: integers to int or long
 * (exact, in range), any number to double or decimal (rounded half-up to the scale), the strings
 * "NaN", "Infinity" and "-Infinity" to double, ISO strings to date and timestamp, base64 strings to
 * binary. A string column takes any value: a number or boolean as its JSON text, a nested object
 * or array as its raw JSON. Anything else — invalid JSON, a nested value or wrong kind for a typed
 * column — is a malformed record under the options' policy.
 */
public final class JsonBatchReader implements BatchReader {
    private final Configuration conf;
    private final FileSplit split;
    private final Schema schema;
    private final SplitInput input;
    private final JsonLineParser parser;
    private final FieldParser[] parsers;
    private final MalformedRecords malformed;
    private final ColumnBatch batch;
    private final int batchSize;
    private final RecordBuffer line = new RecordBuffer();
    private final long firstLineOffset;
    private long lineBase = -1;
    private long lineOffset;
    private long linesBefore;
    private long rowsRead;

    JsonBatchReader(Configuration conf, FileSplit split, Schema requiredSchema, JsonOptions options, int batchSize)
            throws IOException {
        this.conf = conf;
        this.split = split;
        this.schema = requiredSchema;
        this.batchSize = batchSize;
        this.parser = new JsonLineParser(requiredSchema.names(), null);
        this.parsers = new FieldParser[requiredSchema.size()];
        for (int i = 0; i < parsers.length; i++) {
            parsers[i] = new FieldParser(requiredSchema.field(i).type(), options.dateFormatter(),
                    options.timestampFormatter());
        }
        this.malformed = new MalformedRecords(options.malformed(), conf, split.path(), split.start());
        this.batch = ColumnBatch.allocate(requiredSchema, batchSize);
        this.input = SplitInput.open(conf, split);
        this.firstLineOffset = input.position();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ColumnBatch next() throws IOException {
        batch.reset();
        int row = 0;
        while (row < batchSize && nextLine()) {
            if (convertLine(row)) {
                row++;
            } else {
                for (int i = 0; i < batch.columnCount(); i++) {
                    batch.column(i).nulls()[row] = false;
                }
            }
        }
        rowsRead += row;
        if (row == 0) {
            return null;
        }
        batch.setRowCount(row);
        return batch;
    }

    /** Reads the next non-blank line that starts in the split. */
    private boolean nextLine() throws IOException {
        while (input.position() < split.end()) {
            lineOffset = input.position();
            linesBefore = input.linesConsumed();
            if (!input.readLine(line)) {
                return false;
            }
            if (!isBlank()) {
                return true;
            }
        }
        return false;
    }

    private boolean isBlank() {
        for (int i = 0; i < line.length(); i++) {
            byte b = line.bytes()[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean convertLine(int row) throws IOException {
        try {
            parser.parse(line.bytes(), line.length());
        } catch (JsonLineParser.SyntaxError e) {
            return malformed("column " + (e.position + 1) + ": invalid JSON: " + e.getMessage());
        }
        // Columns whose conversion can fail first, so that a bad value leaves no string row written.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < parsers.length; i++) {
                if (parsers[i].canFail() == (pass == 0) && !convertField(i, row)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean convertField(int i, int row) throws IOException {
        ColumnVector vector = batch.column(i);
        JsonValueKind kind = parser.kind(i);
        if (kind == JsonValueKind.MISSING || kind == JsonValueKind.NULL) {
            vector.setNull(row);
            return true;
        }
        TypeKind type = parsers[i].type().kind();
        if (!accepts(type, kind, i)) {
            return malformed("column '" + schema.field(i).name() + "': expected " + parsers[i].type().simpleString()
                    + " but found " + kind.describe() + " " + preview(i));
        }
        if (type == TypeKind.BOOLEAN) {
            ((BooleanVector) vector).set(row, kind == JsonValueKind.TRUE);
            return true;
        }
        try {
            parsers[i].parse(vector, row, parser.bytes(i), parser.start(i), parser.end(i) - parser.start(i));
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return malformed("column '" + schema.field(i).name() + "': cannot read " + preview(i) + " as "
                    + parsers[i].type().simpleString() + " (" + e.getMessage() + ")");
        }
    }

    private boolean accepts(TypeKind type, JsonValueKind kind, int field) {
        switch (type) {
            case STRING: return true;
            case BOOLEAN: return kind == JsonValueKind.TRUE || kind == JsonValueKind.FALSE;
            case INT:
            case LONG:
                return kind == JsonValueKind.NUMBER && isIntegral(field);
            case DOUBLE: return kind == JsonValueKind.NUMBER || (kind == JsonValueKind.STRING && isNonFinite(field));
            case DECIMAL: return kind == JsonValueKind.NUMBER;
            case DATE:
            case TIMESTAMP:
            case BINARY:
                return kind == JsonValueKind.STRING;
        }
        throw new AssertionError(type);
    }

    /** JSON has no NaN or infinities; Spark writes and reads them as these strings. */
    private boolean isNonFinite(int field) {
        String text = new String(parser.bytes(field), parser.start(field), parser.end(field) - parser.start(field),
                StandardCharsets.UTF_8);
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") || text.equals("+Infinity");
    }

    private boolean isIntegral(int field) {
        byte[] bytes = parser.bytes(field);
        for (int i = parser.start(field); i < parser.end(field); i++) {
            if (bytes[i] == '.' || bytes[i] == 'e' || bytes[i] == 'E') {
                return false;
            }
        }
        return true;
    }

    private String preview(int field) {
        int length = parser.end(field) - parser.start(field);
        String text = new String(parser.bytes(field), parser.start(field), Math.min(length, 64), StandardCharsets.UTF_8);
        String quoted = parser.kind(field) == JsonValueKind.STRING ? "\"" + text + "\"" : text;
        return length > 64 ? quoted + "..." : quoted;
    }

    private boolean malformed(String problem) throws IOException {
        if (lineBase < 0) {
            lineBase = split.start() == 0 ? 1 : SplitInput.lineNumberAt(conf, split.path(), firstLineOffset);
        }
        FormatException error = new FormatException(split.path().toString(), lineOffset,
                "line " + (lineBase + linesBefore) + ", " + problem, null);
        malformed.handle(error, line.bytes(), 0, line.length());
        return false;
    }

    /** Bad lines dropped so far (under DROPMALFORMED or QUARANTINE). */
    public MalformedRecords malformedRecords() {
        return malformed;
    }

    @Override
    public ReadMetrics metrics() {
        return new ReadMetrics(0, 0, 0, 0, 0, input.position() - firstLineOffset, rowsRead)
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
