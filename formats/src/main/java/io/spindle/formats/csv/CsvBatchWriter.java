package io.spindle.formats.csv;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.text.FieldPrinter;
import io.spindle.formats.text.TextOutput;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Writes CSV: an optional header, one line per row ending in {@code \n}, nulls as the null value
 * unquoted. A string is quoted when it contains the delimiter, quote, escape or a line break, has
 * leading or trailing spaces, is empty (so that it reads back as "" rather than null) or equals the
 * null value; inside quotes a quote is doubled, or preceded by the escape character if that differs.
 * Other types are written as {@link FieldPrinter} prints them, unquoted.
 */
final class CsvBatchWriter implements BatchWriter {
    private final TextOutput output;
    private final Writer writer;
    private final Schema schema;
    private final CsvOptions options;
    private final FieldPrinter printer;
    private final StringBuilder line = new StringBuilder();

    CsvBatchWriter(Configuration conf, Path file, Schema schema, CsvOptions options) throws IOException {
        this.output = new TextOutput(conf, file);
        this.writer = new OutputStreamWriter(output.stream(), options.resolvedCharset());
        this.schema = schema;
        this.options = options;
        this.printer = new FieldPrinter(options.dateFormatter(), options.timestampFormatter());
        if (options.header()) {
            for (int i = 0; i < schema.size(); i++) {
                if (i > 0) {
                    line.append(options.delimiter());
                }
                appendString(schema.field(i).name());
            }
            writer.write(line.append('\n').toString());
        }
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        if (batch.columnCount() != schema.size()) {
            throw new IllegalArgumentException("Batch schema " + batch.schema() + " does not match the file's " + schema);
        }
        for (int row = 0; row < batch.rowCount(); row++) {
            line.setLength(0);
            for (int c = 0; c < batch.columnCount(); c++) {
                if (c > 0) {
                    line.append(options.delimiter());
                }
                ColumnVector vector = batch.column(c);
                if (vector.isNull(row)) {
                    line.append(options.nullValue());
                } else if (vector.type().kind() == TypeKind.STRING) {
                    appendString(((BytesVector) vector).getString(row));
                } else {
                    line.append(printer.print(vector, row));
                }
            }
            writer.write(line.append('\n').toString());
        }
        output.addRows(batch.rowCount());
    }

    private void appendString(String value) {
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        char quote = options.quote();
        char escape = options.escape();
        line.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote || (c == escape && escape != quote)) {
                line.append(escape);
            }
            line.append(c);
        }
        line.append(quote);
    }

    private boolean needsQuotes(String value) {
        if (value.isEmpty() || value.equals(options.nullValue()) || value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == options.delimiter() || c == options.quote() || c == options.escape() || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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
