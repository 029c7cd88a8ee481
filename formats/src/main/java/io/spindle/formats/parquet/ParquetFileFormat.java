package io.spindle.formats.parquet;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FileSplits;
import io.spindle.formats.FormatException;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Apache Parquet: vectorized reads of flat columns with row-group skipping and column pruning;
 * writes through parquet-hadoop. See {@link ParquetTypes} for the type mapping.
 *
 * <p>Timestamps: INT64 TIMESTAMP in millis, micros or nanos is read as micros since the epoch,
 * whether or not the file marks it adjusted to UTC (a local timestamp is read as if it were UTC).
 * Legacy INT96 timestamps are read as UTC in the proleptic Gregorian calendar, as Spark 3 does.
 * Dates and timestamps are never rebased from the Julian calendar, so dates before 1582-10-15
 * written by Spark 2 or Hive in their legacy hybrid calendar read a few days off.
 */
public final class ParquetFileFormat implements FileFormat {
    private final int batchSize;

    public ParquetFileFormat() {
        this(ColumnBatch.DEFAULT_CAPACITY);
    }

    /** @param batchSize rows per batch the readers produce */
    public ParquetFileFormat(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public Schema readSchema(Configuration conf, Path file) throws IOException {
        ParquetMetadata footer;
        try {
            // As the batch reader does: a local file without re-checking its .crc side file, and
            // options from the caller's configuration (Parquet's own default parses a new one).
            ParquetReadOptions options = HadoopReadOptions.builder(conf, file)
                    .withMetadataFilter(ParquetMetadataConverter.SKIP_ROW_GROUPS).build();
            try (ParquetFileReader reader = ParquetFileReader.open(LocalInputFiles.of(file, conf), options)) {
                footer = reader.getFooter();
            }
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FormatException(file.toString(), "not a readable Parquet file (bad footer): " + e.getMessage(), e);
        }
        return ParquetTypes.toSpindle(footer.getFileMetaData().getSchema(), file.toString());
    }

    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        return FileSplits.split(fs, files, targetSplitBytes);
    }

    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        return new ParquetBatchReader(conf, split, requiredSchema, pushed, batchSize);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException {
        return new ParquetBatchWriter(conf, file, schema, options);
    }
}
