package io.spindle.formats.commit;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileFormat;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.layout.PartitionDiscovery;
import io.spindle.formats.layout.SchemaMerger;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.split.CombinedSplitReader;
import io.spindle.formats.split.SplitPlanner;
import io.spindle.formats.testing.DuckDb;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A sales table partitioned by day and country: rows, write tasks, and reading the table back. */
final class TableWrites {
    static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING),
            Field.of("amount", DataType.decimal(10, 2)), Field.of("day", DataType.DATE),
            Field.of("country", DataType.STRING));
    static final List<String> PARTITION_COLUMNS = List.of("day", "country");
    static final Configuration CONF = new Configuration();
    private static final int BATCH_ROWS = 100;

    private TableWrites() {}

    /** {@code count} rows with ids from {@code firstId}, all in one partition. */
    static List<List<Object>> rows(long firstId, int count, LocalDate day, String country) {
        List<List<Object>> rows = new ArrayList<>(count);
        for (long id = firstId; id < firstId + count; id++) {
            String name = id % 7 == 0 ? null : "customer " + id;
            rows.add(Arrays.asList(id, name, BigDecimal.valueOf(id * 37 % 100_000, 2), day, country));
        }
        return rows;
    }

    @SafeVarargs
    static List<List<Object>> concat(List<List<Object>>... parts) {
        List<List<Object>> all = new ArrayList<>();
        for (List<List<Object>> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** Runs one task attempt that writes {@code rows} in batches and commits; aborts it if anything fails. */
    static TaskCommitMessage writeTask(FileCommitProtocol protocol, int partition, int attempt, FileFormat format,
            List<List<Object>> rows, PartitionedWriter.Limits limits) throws IOException {
        TaskAttempt task = protocol.setupTask(partition, attempt);
        try (PartitionedWriter writer = new PartitionedWriter(protocol, task, format, CONF, SCHEMA, PARTITION_COLUMNS,
                WriteOptions.defaults(), limits, ZoneOffset.UTC)) {
            for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
                List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH_ROWS));
                writer.write(ColumnBatch.builder(SCHEMA).appendRows(chunk).build());
            }
            return writer.commit();
        }
    }

    /** A whole job: setup, one task per list of rows, commit. */
    static JobCommitResult writeJob(FileSystem fs, Path output, String jobId, WriteMode mode, FileFormat format,
            List<List<List<Object>>> tasks) throws IOException {
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, jobId, mode);
        protocol.setupJob();
        List<TaskCommitMessage> messages = new ArrayList<>();
        for (int task = 0; task < tasks.size(); task++) {
            messages.add(writeTask(protocol, task, 0, format, tasks.get(task), PartitionedWriter.Limits.defaults()));
        }
        return protocol.commitJob(messages);
    }

    /**
     * The table as Spindle reads it — discovery, schema merge, split planning, combined-split
     * reader — in {@link #SCHEMA}'s column order, sorted by id.
     */
    static List<List<Object>> readBack(FileSystem fs, FileFormat format, Path output) throws IOException {
        TableLayout layout = new PartitionDiscovery(fs, PartitionDiscovery.Options.defaults()
                .withPartitionSchema(SCHEMA.select(PARTITION_COLUMNS))).discover(output);
        Map<String, Schema> fileSchemas = new LinkedHashMap<>();
        for (FileStatus file : layout.allFiles()) {
            fileSchemas.put(file.getPath().toString(), format.readSchema(CONF, file.getPath()));
        }
        layout = layout.withDataSchema(SchemaMerger.merge(fileSchemas));
        List<List<Object>> rows = new ArrayList<>();
        for (CombinedSplit split : new SplitPlanner(1 << 20, 1 << 16, 1).plan(fs, format, layout)) {
            try (BatchReader reader = new CombinedSplitReader(format, CONF, split, SCHEMA, Optional.empty())) {
                for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                    rows.addAll(batch.toRows());
                }
            }
        }
        return sortedById(rows);
    }

    /** The table as DuckDB reads it with hive partitioning, sorted by id. */
    static List<List<Object>> readWithDuckDb(java.nio.file.Path output) throws Exception {
        String sql = "SELECT id, name, amount,"
                + " CAST(NULLIF(day, '__HIVE_DEFAULT_PARTITION__') AS DATE) AS day,"
                + " NULLIF(country, '__HIVE_DEFAULT_PARTITION__') AS country"
                + " FROM read_parquet('" + output + "/**/*.parquet', hive_partitioning = true,"
                + " hive_types = {'day': VARCHAR, 'country': VARCHAR})";
        try (DuckDb duckDb = new DuckDb()) {
            return sortedById(duckDb.query(sql, SCHEMA));
        }
    }

    static List<List<Object>> sortedById(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(row -> (Long) row.get(0)));
        return sorted;
    }
}
