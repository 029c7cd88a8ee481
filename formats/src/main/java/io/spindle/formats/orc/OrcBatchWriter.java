package io.spindle.formats.orc;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.ql.exec.vector.DateColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcConf;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

/**
 * Writes column batches as an ORC file through ORC's own writer. Timestamps are stored relative to
 * UTC and dates in the proleptic Gregorian calendar, so any ORC reader set to UTC reads back the
 * same instants. Compression and stripe size come from {@link WriteOptions}, overridable by
 * {@link OrcWriteOptions}.
 */
final class OrcBatchWriter implements BatchWriter {
    private final Path file;
    private final FileSystem fs;
    private final Schema schema;
    private final Writer writer;
    private final VectorizedRowBatch orcBatch;
    private final OrcVectorFiller filler = new OrcVectorFiller();
    private long rows;
    private boolean finished;
    private boolean closed;

    OrcBatchWriter(Configuration conf, Path file, Schema schema, WriteOptions options, OrcWriteOptions orcOptions)
            throws IOException {
        this.file = file;
        this.fs = file.getFileSystem(conf);
        this.schema = schema;
        TypeDescription orcSchema = OrcTypes.toOrc(schema);
        Configuration writerConf = new Configuration(conf);
        if (!options.dictionaryEnabled()) {
            OrcConf.DICTIONARY_KEY_SIZE_THRESHOLD.setDouble(writerConf, 0.0);
        }
        OrcFile.WriterOptions writerOptions = OrcFile.writerOptions(writerConf)
                .fileSystem(fs)
                .setSchema(orcSchema)
                .compress(orcOptions.codec().orElse(codec(options)))
                .stripeSize(options.rowGroupSize().bytes())
                .rowIndexStride(orcOptions.rowIndexStride())
                .useUTCTimestamp(true)
                .setProlepticGregorian(true)
                .overwrite(false);
        if (!orcOptions.bloomFilterColumns().isEmpty()) {
            writerOptions.bloomFilterColumns(orcOptions.bloomFilterColumns());
        }
        this.writer = OrcFile.createWriter(file, writerOptions);
        this.orcBatch = orcSchema.createRowBatch(TypeDescription.RowBatchVersion.USE_DECIMAL64, ColumnBatch.DEFAULT_CAPACITY);
        // Spindle's days and micros count in the proleptic calendar; unmarked vectors would be taken
        // as Hive's hybrid calendar and shifted by days before 1582.
        for (org.apache.hadoop.hive.ql.exec.vector.ColumnVector vector : orcBatch.cols) {
            if (vector instanceof TimestampColumnVector timestamps) {
                timestamps.setUsingProlepticCalendar(true);
            } else if (vector instanceof DateColumnVector dates) {
                dates.setUsingProlepticCalendar(true);
            }
        }
    }

    static CompressionKind codec(WriteOptions options) {
        switch (options.compression()) {
            case NONE: return CompressionKind.NONE;
            case SNAPPY: return CompressionKind.SNAPPY;
            case GZIP: return CompressionKind.ZLIB; // ORC's deflate codec; gzip is deflate with a header
            case ZSTD: return CompressionKind.ZSTD;
        }
        throw new AssertionError(options.compression());
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        if (!sameTypes(batch.schema())) {
            throw new IllegalArgumentException("Batch schema " + batch.schema() + " does not match the file's " + schema);
        }
        for (int from = 0; from < batch.rowCount(); from += orcBatch.getMaxSize()) {
            int count = Math.min(orcBatch.getMaxSize(), batch.rowCount() - from);
            for (int c = 0; c < schema.size(); c++) {
                filler.fill(batch.column(c), orcBatch.cols[c], from, count);
            }
            orcBatch.size = count;
            writer.addRowBatch(orcBatch);
        }
        rows += batch.rowCount();
    }

    @Override
    public WrittenFile finish() throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        writer.close();
        finished = true;
        long bytes = fs.getFileStatus(file).getLen();
        return new WrittenFile(file.toString(), rows, bytes, OrcStatistics.of(schema, writer.getStatistics(), rows));
    }

    @Override
    public void close() throws IOException {
        if (finished || closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } finally {
            fs.delete(file, false);
        }
    }

    private boolean sameTypes(Schema other) {
        if (other.size() != schema.size()) {
            return false;
        }
        for (int i = 0; i < schema.size(); i++) {
            if (!other.field(i).type().equals(schema.field(i).type())) {
                return false;
            }
        }
        return true;
    }
}
