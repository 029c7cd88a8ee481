package io.spindle.formats.json;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.text.FieldPrinter;
import io.spindle.formats.text.TextOutput;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes one JSON object per line, fields in schema order, null fields omitted (as Spark does).
 * Numbers and booleans are JSON literals; decimals keep their scale; NaN and infinities, which JSON
 * lacks, are the strings "NaN", "Infinity", "-Infinity"; dates, timestamps (ISO, UTC) and base64
 * binary are strings.
 */
final class JsonBatchWriter implements BatchWriter {
    private final TextOutput output;
    private final Writer writer;
    private final Schema schema;
    private final String[] keys;
    private final FieldPrinter printer;
    private final StringBuilder line = new StringBuilder();

    JsonBatchWriter(Configuration conf, Path file, Schema schema, JsonOptions options) throws IOException {
        this.output = new TextOutput(conf, file);
        this.writer = new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8);
        this.schema = schema;
        this.printer = new FieldPrinter(options.dateFormatter(), options.timestampFormatter());
        this.keys = new String[schema.size()];
        for (int i = 0; i < keys.length; i++) {
            StringBuilder key = new StringBuilder();
            appendString(key, schema.field(i).name());
            keys[i] = key.append(':').toString();
        }
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        if (batch.columnCount() != schema.size()) {
            throw new IllegalArgumentException("Batch schema " + batch.schema() + " does not match the file's " + schema);
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            line.setLength(0);
            line.append('{');
            boolean first = true;
            for (int c = 0; c < keys.length; c++) {
                ColumnVector vector = batch.column(c);
                if (vector.isNull(row)) {
                    continue;
                }
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append(keys[c]);
                appendValue(vector, row);
            }
            writer.write(line.append("}\n").toString());
        }
        output.addRows(batch.rowCount());
    }

    private void appendValue(ColumnVector vector, int row) {
        switch (vector.type().kind()) {
            case BOOLEAN, INT, LONG, DECIMAL -> line.append(printer.print(vector, row));
            case DOUBLE -> {
                double value = ((DoubleVector) vector).values()[row];
                if (Double.isFinite(value)) {
                    line.append(value);
                } else {
                    line.append('"').append(value).append('"');
                }
            }
            case STRING -> appendString(line, ((BytesVector) vector).getString(row));
            case DATE, TIMESTAMP, BINARY -> appendString(line, printer.print(vector, row));
        }
    }

    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public WrittenFile finish() throws IOException {
        writer.flush();
        return output.finish();
    }

    @Override
    public void close() throws IOException {
        output.abandon();
    }
}
