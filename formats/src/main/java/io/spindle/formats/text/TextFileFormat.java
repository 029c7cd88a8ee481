package io.spindle.formats.text;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FileSplits;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Plain text: one row per line in a single string column {@code value}, as Spark's text source.
 * Lines end with {@code \n} or {@code \r\n} (a lone {@code \r} is content); a last line without a
 * terminator is a row; an empty file has no rows. Bytes are passed through as UTF-8 unchecked.
 * Splits are byte ranges owning the lines that start in them. The writer writes each value and a
 * {@code \n}; a null row becomes an empty line (Spark does the same), so nulls do not round-trip.
 */
public final class TextFileFormat implements FileFormat {
    public static final Schema SCHEMA = Schema.of(Field.of("value", DataType.STRING));

    private final int batchSize;

    public TextFileFormat() {
        this(ColumnBatch.DEFAULT_CAPACITY);
    }

    public TextFileFormat(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public Schema readSchema(Configuration conf, Path file) {
        return SCHEMA;
    }

    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        return FileSplits.split(fs, files, targetSplitBytes);
    }

    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        for (Field field : requiredSchema.fields()) {
            if (!field.name().equalsIgnoreCase("value") || field.type() != DataType.STRING) {
                throw new IllegalArgumentException("The text format has one column value:string; cannot read "
                        + field + " from " + split.path());
            }
        }
        return new Reader(SplitInput.open(conf, split), split, requiredSchema, batchSize);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException {
        if (schema.size() != 1 || schema.field(0).type() != DataType.STRING) {
            throw new IllegalArgumentException("The text format writes one string column, not " + schema);
        }
        return new Writer(new TextOutput(conf, file));
    }

    private static final class Reader implements BatchReader {
        private final SplitInput input;
        private final FileSplit split;
        private final Schema schema;
        private final ColumnBatch batch;
        private final int batchSize;
        private final RecordBuffer line = new RecordBuffer();
        private long rowsRead;
        private long bytesRead;

        Reader(SplitInput input, FileSplit split, Schema schema, int batchSize) {
            this.input = input;
            this.split = split;
            this.schema = schema;
            this.batch = ColumnBatch.allocate(schema, batchSize);
            this.batchSize = batchSize;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public ColumnBatch next() throws IOException {
            batch.reset();
            int rows = 0;
            long start = input.position();
            BytesVector values = schema.size() == 1 ? (BytesVector) batch.column(0) : null;
            while (rows < batchSize && input.position() < split.end()
                    && input.readLine(line)) {
                if (values != null) {
                    values.set(rows, line.bytes(), 0, line.length());
                }
                rows++;
            }
            bytesRead += input.position() - start;
            rowsRead += rows;
            if (rows == 0) {
                return null;
            }
            batch.setRowCount(rows);
            return batch;
        }

        @Override
        public ReadMetrics metrics() {
            return new ReadMetrics(0, 0, 0, 0, 0, bytesRead, rowsRead);
        }

        @Override
        public void close() throws IOException {
            input.close();
        }
    }

    private static final class Writer implements BatchWriter {
        private final TextOutput output;

        Writer(TextOutput output) {
            this.output = output;
        }

        @Override
        public void write(ColumnBatch batch) throws IOException {
            BytesVector values = (BytesVector) batch.column(0);
            java.io.OutputStream out = output.stream();
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!values.isNull(row)) {
                    out.write(values.data(), values.offsets()[row], values.length(row));
                }
                out.write('\n');
            }
            output.addRows(batch.rowCount());
        }

        @Override
        public WrittenFile finish() throws IOException {
            return output.finish();
        }

        @Override
        public void close() throws IOException {
            output.abandon();
        }
    }
}
