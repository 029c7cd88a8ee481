package io.spindle.formats.commit;

import static io.spindle.formats.commit.TableWrites.SCHEMA;
import static io.spindle.formats.commit.TableWrites.concat;
import static io.spindle.formats.commit.TableWrites.readBack;
import static io.spindle.formats.commit.TableWrites.rows;
import static io.spindle.formats.commit.TableWrites.sortedById;
import static io.spindle.formats.commit.TableWrites.writeJob;
import static io.spindle.formats.commit.TableWrites.writeTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.parquet.ParquetFileFormat;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedWriterTest {
    private static final ParquetFileFormat PARQUET = new ParquetFileFormat();
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);

    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs;
    private java.nio.file.Path table;
    private Path output;

    @BeforeEach
    void setUp() throws Exception {
        fs = FileSystem.getLocal(new Configuration());
        table = dir.resolve("sales");
        output = new Path(table.toUri());
    }

    @Test
    void duckDbReadsTheHivePartitionedTableAsWritten() throws Exception {
        // Interleaved partitions within batches, a null partition value, and several tasks.
        List<List<Object>> task0 = interleave(rows(0, 700, JAN_1, "US"), rows(700, 700, JAN_2, "FR"));
        List<List<Object>> task1 = concat(rows(2000, 300, JAN_2, "FR"), rows(3000, 200, null, "US"),
                rows(4000, 100, JAN_1, null));

        writeJob(fs, output, "job1", WriteMode.ERROR_IF_EXISTS, PARQUET, List.of(task0, task1));

        assertThat(TableWrites.readWithDuckDb(table)).isEqualTo(sortedById(concat(task0, task1)));
        assertThat(table.resolve("day=__HIVE_DEFAULT_PARTITION__/country=US")).isDirectory();
        assertThat(table.resolve("day=2024-01-01/country=__HIVE_DEFAULT_PARTITION__")).isDirectory();
    }

    @Test
    void partitionValuesAreEscapedInDirectoryNamesAndLeftOutOfTheFiles() throws Exception {
        List<List<Object>> rows = concat(rows(0, 10, JAN_1, "a/b:c=d%"), rows(10, 10, JAN_1, "plain"));

        writeJob(fs, output, "job1", WriteMode.APPEND, PARQUET, List.of(rows));

        java.nio.file.Path escaped = table.resolve("day=2024-01-01/country=a%2Fb%3Ac%3Dd%25");
        assertThat(escaped).isDirectory();
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(rows);
        java.nio.file.Path file = dataFiles(escaped).get(0);
        assertThat(PARQUET.readSchema(TableWrites.CONF, new Path(file.toUri())))
                .isEqualTo(SCHEMA.select("id", "name", "amount"));
    }

    @Test
    void onePartitionOverTheTargetSizeGetsSeveralFiles() throws Exception {
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, "job1", WriteMode.APPEND);
        protocol.setupJob();
        List<List<Object>> rows = rows(0, 20_000, JAN_1, "US");

        TaskCommitMessage message = writeTask(protocol, 0, 0, PARQUET, rows, new PartitionedWriter.Limits(64 << 10, 16));
        protocol.commitJob(List.of(message));

        List<java.nio.file.Path> files = dataFiles(table.resolve("day=2024-01-01/country=US"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(3).hasSize(message.files().size());
        assertThat(message.files()).allSatisfy(file -> assertThat(file.rows()).isPositive());
        // After the first file the estimate uses the real compression ratio: files land near the target.
        assertThat(message.files().subList(1, message.files().size() - 1))
                .allSatisfy(file -> assertThat(file.bytes()).isBetween(32L << 10, 128L << 10));
        assertThat(message.rows()).isEqualTo(20_000);
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(rows);
    }

    @Test
    void manyPartitionsNeverHoldMoreThanTheOpenFileBound() throws Exception {
        List<List<List<Object>>> perPartition = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            perPartition.add(rows(p * 1000L, 25, JAN_1, "c" + p));
        }
        // Round-robin over 12 partitions: the worst order for the bound (every batch touches all 12).
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (List<List<Object>> partition : perPartition) {
                rows.add(partition.get(i));
            }
        }
        FaultyFormat counting = new FaultyFormat(PARQUET, -1);
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, "job1", WriteMode.APPEND);
        protocol.setupJob();

        TaskCommitMessage message = writeTask(protocol, 0, 0, counting, rows, new PartitionedWriter.Limits(1L << 30, 4));
        protocol.commitJob(List.of(message));

        assertThat(counting.maxOpenWriters()).isEqualTo(4);
        assertThat(counting.openWriters()).isZero();
        assertThat(message.files().stream().map(StagedFile::partitionDirectory).distinct()).hasSize(12);
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(sortedById(rows));
    }

    @Test
    void aLeafDirectoryHoldsEachPartitionsFilesInsideItsDirectory() throws Exception {
        List<List<Object>> rows = concat(rows(0, 30, JAN_1, "US"), rows(30, 20, JAN_2, "FR"));
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, "job1", WriteMode.DYNAMIC_PARTITION_OVERWRITE);
        protocol.setupJob();
        TaskAttempt task = protocol.setupTask(0, 0);
        TaskCommitMessage message;
        try (PartitionedWriter writer = new PartitionedWriter(protocol, task, PARQUET, TableWrites.CONF, SCHEMA,
                List.of("day", "country"), io.spindle.formats.WriteOptions.defaults(),
                PartitionedWriter.Limits.defaults(), java.time.ZoneOffset.UTC, "spindle-w1")) {
            writer.write(io.spindle.formats.batch.ColumnBatch.builder(SCHEMA).appendRows(rows).build());
            message = writer.commit();
        }

        JobCommitResult result = protocol.commitJob(List.of(message));

        assertThat(result.partitions()).containsExactlyInAnyOrder("day=2024-01-01/country=US/spindle-w1",
                "day=2024-01-02/country=FR/spindle-w1");
        assertThat(dataFiles(table.resolve("day=2024-01-01/country=US/spindle-w1"))).hasSize(1);
        assertThat(dataFiles(table.resolve("day=2024-01-02/country=FR/spindle-w1"))).hasSize(1);
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(sortedById(rows));
    }

    private static List<List<Object>> interleave(List<List<Object>> a, List<List<Object>> b) {
        List<List<Object>> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                mixed.add(a.get(i));
            }
            if (i < b.size()) {
                mixed.add(b.get(i));
            }
        }
        return mixed;
    }

    private static List<java.nio.file.Path> dataFiles(java.nio.file.Path directory) throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")
                    && !file.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
