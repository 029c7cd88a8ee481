package io.spindle.formats.testing;

import io.spindle.formats.BatchReader;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.ReadMetrics;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writing and reading whole files in tests, and comparing rows that may hold byte arrays. */
public final class TestTables {
    public static final Configuration CONF = new Configuration();

    private TestTables() {}

    /** Everything a scan of a file returned: rows (normalized) and the reader's metrics. */
    public record Scan(List<List<Object>> rows, ReadMetrics metrics) {}

    public static WrittenFile write(FileFormat format, java.nio.file.Path file, ColumnBatch batch, WriteOptions options)
            throws IOException {
        try (BatchWriter writer = format.create(CONF, new Path(file.toUri()), batch.schema(), options)) {
            writer.write(batch);
            return writer.finish();
        }
    }

    public static ColumnBatch batchOf(Schema schema, List<List<Object>> rows) {
        return ColumnBatch.builder(schema).appendRows(rows).build();
    }

    public static Scan scan(FileFormat format, java.nio.file.Path file, Schema required, Optional<Predicate> predicate)
            throws IOException {
        return scan(format, file, required, predicate, Long.MAX_VALUE);
    }

    /** Reads every split of the file, in order, with the given target split size. */
    public static Scan scan(FileFormat format, java.nio.file.Path file, Schema required, Optional<Predicate> predicate,
            long splitBytes) throws IOException {
        Path path = new Path(file.toUri());
        FileSystem fs = path.getFileSystem(CONF);
        FileStatus status = fs.getFileStatus(path);
        List<List<Object>> rows = new ArrayList<>();
        ReadMetrics metrics = ReadMetrics.EMPTY;
        for (FileSplit split : format.plan(fs, List.of(status), splitBytes)) {
            try (BatchReader reader = format.open(CONF, split, required, predicate)) {
                for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                    rows.addAll(normalize(batch.toRows()));
                }
                metrics = metrics.plus(reader.metrics());
            }
        }
        return new Scan(rows, metrics);
    }

    public static List<List<Object>> read(FileFormat format, java.nio.file.Path file, Schema required) throws IOException {
        return scan(format, file, required, Optional.empty()).rows();
    }

    /** Rows with byte[] replaced by hex strings, so that lists compare by content. */
    public static List<List<Object>> normalize(List<List<Object>> rows) {
        List<List<Object>> normalized = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Object[] values = row.toArray();
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof byte[] bytes) {
                    values[i] = "0x" + HexFormat.of().formatHex(bytes);
                }
            }
            normalized.add(Arrays.asList(values));
        }
        return normalized;
    }
}
