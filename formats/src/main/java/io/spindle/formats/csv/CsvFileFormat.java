package io.spindle.formats.csv;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FileSplits;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * CSV files, per {@link CsvOptions}. Files are split into byte ranges owning the records that
 * start in them, except with {@code multiLine}, where each file is one split. Pushed predicates are
 * ignored (text has no statistics to skip by); {@link WriteOptions} are ignored too, as its sizes
 * and codecs describe columnar files: CSV is written uncompressed.
 */
public final class CsvFileFormat implements FileFormat {
    private final CsvOptions options;
    private final int batchSize;

    public CsvFileFormat(CsvOptions options) {
        this(options, ColumnBatch.DEFAULT_CAPACITY);
    }

    public CsvFileFormat(CsvOptions options, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        this.options = options;
        this.batchSize = batchSize;
    }

    public CsvOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "csv";
    }

    /** The explicit schema if the options have one, otherwise inferred from the file's first records. */
    @Override
    public Schema readSchema(Configuration conf, Path file) throws IOException {
        if (options.schema().isPresent()) {
            return options.schema().get();
        }
        return CsvSchemaInference.infer(conf, file, options);
    }

    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        if (!options.multiLine()) {
            return FileSplits.split(fs, files, targetSplitBytes);
        }
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            splits.addAll(FileSplits.split(fs, List.of(file), Math.max(1, file.getLen())));
        }
        return splits;
    }

    /** Opens a reader; cast to {@link CsvBatchReader} for its malformed-record count. */
    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        return new CsvBatchReader(conf, split, requiredSchema, options, batchSize);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions writeOptions) throws IOException {
        return new CsvBatchWriter(conf, file, schema, options);
    }
}
