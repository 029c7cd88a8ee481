package io.spindle.formats.json;

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
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * JSON lines (one object per line, UTF-8), per {@link JsonOptions}; see {@link JsonBatchReader} for
 * the conversions and {@link JsonBatchWriter} for the output. Files split into byte ranges owning
 * the lines that start in them. Pushed predicates and {@link WriteOptions} are ignored, as for CSV.
 */
public final class JsonLinesFileFormat implements FileFormat {
    private final JsonOptions options;
    private final int batchSize;

    public JsonLinesFileFormat(JsonOptions options) {
        this(options, ColumnBatch.DEFAULT_CAPACITY);
    }

    public JsonLinesFileFormat(JsonOptions options, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        this.options = options;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Schema readSchema(Configuration conf, Path file) throws IOException {
        if (options.schema().isPresent()) {
            return options.schema().get();
        }
        return JsonSchemaInference.infer(conf, file, options);
    }

    @Override
    public List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException {
        return FileSplits.split(fs, files, targetSplitBytes);
    }

    /** Opens a reader; cast to {@link JsonBatchReader} for its malformed-record count. */
    @Override
    public BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException {
        return new JsonBatchReader(conf, split, requiredSchema, options, batchSize);
    }

    @Override
    public BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions writeOptions) throws IOException {
        return new JsonBatchWriter(conf, file, schema, options);
    }
}
