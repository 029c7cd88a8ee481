package io.spindle.formats.parquet;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.predicate.Literals;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes column batches as a Parquet file: format version 1 data pages (what Spark writes and every
 * reader accepts), statistics and page checksums on, compression and sizes from {@link WriteOptions}.
 */
final class ParquetBatchWriter implements BatchWriter {
    private final Path file;
    private final FileSystem fs;
    private final Schema schema;
    private final ParquetWriter<BatchWriteSupport.Cursor> writer;
    private final BatchWriteSupport.Cursor cursor = new BatchWriteSupport.Cursor();
    private long rows;
    private boolean finished;
    private boolean closed;

    ParquetBatchWriter(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException {
        this.file = file;
        this.fs = file.getFileSystem(conf);
        this.schema = schema;
        this.writer = new Builder(HadoopOutputFile.fromPath(file, conf), new BatchWriteSupport(schema))
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(codec(options))
                .withRowGroupSize(options.rowGroupSize().bytes())
                .withPageSize((int) options.pageSize().bytes())
                .withDictionaryPageSize((int) options.pageSize().bytes())
                .withDictionaryEncoding(options.dictionaryEnabled())
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withPageWriteChecksumEnabled(true)
                .withValidation(false)
                .build();
    }

    @Override
    public void write(ColumnBatch batch) throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        if (!sameTypes(batch.schema())) {
            throw new IllegalArgumentException("Batch schema " + batch.schema() + " does not match the file's "
                    + schema);
        }
        cursor.batch = batch;
        for (int row = 0; row < batch.rowCount(); row++) {
            cursor.row = row;
            writer.write(cursor);
        }
        rows += batch.rowCount();
        cursor.batch = null;
    }

    @Override
    public WrittenFile finish() throws IOException {
        if (finished || closed) {
            throw new IllegalStateException("Writer of " + file + " is already finished");
        }
        writer.close();
        finished = true;
        long bytes = fs.getFileStatus(file).getLen();
        return new WrittenFile(file.toString(), rows, bytes, statistics(writer.getFooter()));
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

    /** Per-column statistics of the whole file, merged across row groups. */
    private Map<String, ColumnStatistics> statistics(ParquetMetadata footer) throws IOException {
        MessageType fileSchema = footer.getFileMetaData().getSchema();
        Map<String, ColumnStatistics> merged = new LinkedHashMap<>();
        Map<String, ParquetColumn> columns = new HashMap<>();
        for (Field field : schema.fields()) {
            columns.put(field.name(), ParquetTypes.resolve(field, fileSchema, file.toString()));
        }
        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                String name = chunk.getPath().toArray()[0];
                ColumnStatistics statistics = ParquetStatistics.of(columns.get(name), chunk, block.getRowCount());
                merged.merge(name, statistics, ParquetBatchWriter::merge);
            }
        }
        return merged;
    }

    private static ColumnStatistics merge(ColumnStatistics a, ColumnStatistics b) {
        long nulls = a.nullCount() < 0 || b.nullCount() < 0 ? -1 : a.nullCount() + b.nullCount();
        long rowCount = a.rowCount() + b.rowCount();
        boolean nanSafe = a.maxIncludesNaN() && b.maxIncludesNaN();
        if (a.allNull() || b.allNull()) {
            ColumnStatistics bounded = a.allNull() ? b : a;
            return new ColumnStatistics(a.type(), bounded.min(), bounded.max(), nulls, rowCount, nanSafe);
        }
        if (!a.hasBounds() || !b.hasBounds()) {
            return new ColumnStatistics(a.type(), null, null, nulls, rowCount, nanSafe);
        }
        Object min = Literals.compare(a.min(), b.min(), a.type()) <= 0 ? a.min() : b.min();
        Object max = Literals.compare(a.max(), b.max(), a.type()) >= 0 ? a.max() : b.max();
        return new ColumnStatistics(a.type(), min, max, nulls, rowCount, nanSafe);
    }

    private static CompressionCodecName codec(WriteOptions options) {
        switch (options.compression()) {
            case NONE: return CompressionCodecName.UNCOMPRESSED;
            case SNAPPY: return CompressionCodecName.SNAPPY;
            case GZIP: return CompressionCodecName.GZIP;
            case ZSTD: return CompressionCodecName.ZSTD;
        }
        throw new AssertionError(options.compression());
    }

    private static final class Builder extends ParquetWriter.Builder<BatchWriteSupport.Cursor, Builder> {
        private final BatchWriteSupport support;

        Builder(OutputFile file, BatchWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected BatchWriteSupport getWriteSupport(Configuration conf) {
            return support;
        }
    }
}
