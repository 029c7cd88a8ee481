package io.spindle.formats;

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
 * A file format as the planner and the tasks see it: split input files, read a split as column
 * batches, write batches to a file. Implementations are stateless and thread-safe; readers and
 * writers they return are used by one thread.
 */
public interface FileFormat {
    /** Short lower-case name, as in {@code USING parquet}. */
    String name();

    /** The schema of a file, in Spindle types. */
    Schema readSchema(Configuration conf, Path file) throws IOException;

    /**
     * Cuts files into splits of about {@code targetSplitBytes}, each with the hosts that store most
     * of it. Every byte of every file belongs to exactly one split, so each row is read once: a
     * reader of a split reads the units of data (row groups, stripes, lines) that start or are
     * centred in it. Zero-length files get a split too, so that a non-file fails loudly at read.
     */
    List<FileSplit> plan(FileSystem fs, List<FileStatus> files, long targetSplitBytes) throws IOException;

    /**
     * Opens a reader of the rows of {@code split}, as batches with exactly {@code requiredSchema}'s
     * columns. Columns are matched by name ignoring case; a column the file lacks reads as nulls.
     *
     * @param pushed a filter the reader may use to skip data that cannot match; the rows it does
     *     return are not filtered (see {@link Predicate})
     * @throws FormatException naming the file when it is not of this format, is corrupt, or has a
     *     column whose type cannot be read as the required type
     */
    BatchReader open(Configuration conf, FileSplit split, Schema requiredSchema, Optional<Predicate> pushed)
            throws IOException;

    /**
     * Creates {@code file} (which must not exist) to hold rows of {@code schema}. The file is
     * complete only after {@link BatchWriter#finish()}; making it visible atomically is the commit
     * protocol's job, which writes to a staging location first.
     */
    BatchWriter create(Configuration conf, Path file, Schema schema, WriteOptions options) throws IOException;

    /** Reads every row of a file into one batch; for tests and small files. */
    default ColumnBatch readAll(Configuration conf, Path file, Schema requiredSchema) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        FileStatus status = fs.getFileStatus(file);
        ColumnBatch.Builder all = ColumnBatch.builder(requiredSchema);
        for (FileSplit split : plan(fs, List.of(status), Long.MAX_VALUE)) {
            try (BatchReader reader = open(conf, split, requiredSchema, Optional.empty())) {
                for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                    all.appendRows(batch.toRows());
                }
            }
        }
        return all.build();
    }
}
