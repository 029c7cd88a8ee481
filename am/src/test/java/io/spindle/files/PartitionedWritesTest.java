package io.spindle.files;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned writes and reads through the Dataset API on local[2]: directory layout, partition
 * pruning proved by the files the scan opened, the save modes including dynamic partition
 * overwrite, and a write whose tasks fail midway. References are computed in plain Java from the
 * rows written, and from the file system.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PartitionedWritesTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.DOUBLE),
            Field.of("region", DataType.STRING), Field.of("day", DataType.INT));
    private static final String[] REGIONS = {"eu", "us", "apac"};

    @TempDir
    Path directory;
    private static Session session;

    @BeforeAll
    static void start() {
        session = Session.builder().master("local[2]").appName("partitioned-writes")
                .config("spindle.task.maxAttempts", 2).getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    /** {@code count} rows over 3 regions x 4 days; {@code version} marks which write a row came from. */
    private static List<Row> rows(int count, int version, List<String> regions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Row.of((long) i, version * 1000.0 + i, regions.get(i % regions.size()), 1 + (i / 7) % 4));
        }
        return rows;
    }

    @Test
    void partitionedWriteLaysOutDirectoriesAndReadsBackWithPartitionColumns() throws IOException {
        List<Row> rows = rows(3_000, 1, List.of(REGIONS));
        String output = directory.resolve("sales").toString();

        session.createDataset(rows, SCHEMA).write().partitionBy("region", "day").parquet(output);

        assertThat(partitionDirectories(output)).containsExactlyInAnyOrderElementsOf(expectedDirectories(rows));
        assertThat(Files.exists(Path.of(output, "_SUCCESS"))).isTrue();
        Dataset back = session.read().parquet(output);
        assertThat(back.schema().fields()).extracting(field -> field.name() + ":" + field.type().simpleString())
                .containsExactly("id:long", "amount:double", "region:string", "day:int");
        assertThat(AllTypes.comparable(back.collectAsList())).isEqualTo(AllTypes.comparable(rows));
    }

    @Test
    void partitionFilterOpensOnlyTheFilesOfMatchingPartitions() throws IOException {
        List<Row> rows = rows(6_000, 1, List.of(REGIONS));
        String output = directory.resolve("pruned").toString();
        session.createDataset(rows, SCHEMA).write().partitionBy("region", "day").parquet(output);
        long filesInPartition = dataFiles(Path.of(output, "region=eu", "day=2")).size();
        long allFiles = dataFiles(Path.of(output)).size();

        Dataset selected = session.read().parquet(output).filter(col("region").equalTo(lit("eu"))
                .and(col("day").equalTo(lit(2))));
        List<Row> result = selected.collectAsList();

        List<Row> expected = rows.stream().filter(row -> row.getString(2).equals("eu") && row.getInt(3) == 2).toList();
        assertThat(AllTypes.comparable(result)).isEqualTo(AllTypes.comparable(expected));
        assertThat(session.lastScanMetrics().filesOpened()).isEqualTo(filesInPartition).isLessThan(allFiles);
        assertThat(selected.explainString()).contains("1 of 12 partitions, " + filesInPartition + " files");

        // With the schema given, the walk itself is pruned: same files, and nothing was listed up front.
        Dataset declared = session.read().schema(SCHEMA).parquet(output).filter(col("day").equalTo(lit(3)));
        List<Row> dayThree = declared.collectAsList();
        assertThat(AllTypes.comparable(dayThree)).isEqualTo(AllTypes.comparable(
                rows.stream().filter(row -> row.getInt(3) == 3).toList()));
        long dayThreeFiles = Stream.of(REGIONS).mapToLong(region -> dataFiles(Path.of(output, "region=" + region,
                "day=3")).size()).sum();
        assertThat(session.lastScanMetrics().filesOpened()).isEqualTo(dayThreeFiles);
    }

    @Test
    void dynamicOverwriteReplacesOnlyThePartitionsTheDataTouches() throws IOException {
        String output = directory.resolve("dynamic").toString();
        List<Row> first = rows(1_200, 1, List.of(REGIONS));
        session.createDataset(first, SCHEMA).write().partitionBy("region", "day").parquet(output);
        List<Row> second = rows(300, 2, List.of("eu")).stream().filter(row -> row.getInt(3) <= 2).toList();

        session.createDataset(second, SCHEMA).write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
                .partitionBy("region", "day").parquet(output);

        List<Row> expected = new ArrayList<>(second);
        first.stream().filter(row -> !(row.getString(2).equals("eu") && row.getInt(3) <= 2)).forEach(expected::add);
        assertThat(AllTypes.comparable(session.read().parquet(output).collectAsList()))
                .isEqualTo(AllTypes.comparable(expected));
    }

    @Test
    void staticOverwriteReplacesEverythingAndAppendAdds() {
        String output = directory.resolve("static").toString();
        List<Row> first = rows(900, 1, List.of(REGIONS));
        session.createDataset(first, SCHEMA).write().partitionBy("day").parquet(output);
        List<Row> second = rows(100, 2, List.of("us"));

        session.createDataset(second, SCHEMA).write().mode("overwrite").partitionBy("day").parquet(output);
        assertThat(AllTypes.comparable(session.read().parquet(output).collectAsList()))
                .isEqualTo(AllTypes.comparable(second));

        List<Row> third = rows(50, 3, List.of("eu"));
        session.createDataset(third, SCHEMA).write().mode("append").partitionBy("day").parquet(output);
        List<Row> both = new ArrayList<>(second);
        both.addAll(third);
        assertThat(AllTypes.comparable(session.read().parquet(output).collectAsList()))
                .isEqualTo(AllTypes.comparable(both));
    }

    @Test
    void errorModeRefusesExistingDataAndIgnoreModeLeavesIt() throws IOException {
        String output = directory.resolve("modes").toString();
        List<Row> first = rows(100, 1, List.of(REGIONS));
        session.createDataset(first, SCHEMA).write().csv(output);
        Map<String, String> before = contents(Path.of(output));

        Dataset other = session.createDataset(rows(10, 2, List.of(REGIONS)), SCHEMA);
        assertThatThrownBy(() -> other.write().csv(output)).hasMessageContaining(Path.of(output).toString())
                .hasMessageContaining("already exists");
        other.write().mode("ignore").csv(output);

        assertThat(contents(Path.of(output))).isEqualTo(before);
        assertThat(stagingLeftovers(directory)).isEmpty();
    }

    /**
     * The input's last file is not Parquet. It is packed after good files into a task, so that task
     * writes rows before it fails, on every attempt; the job fails naming the file, the previous
     * output is untouched and no staging directory is left.
     */
    @Test
    void writeFailingMidwayLeavesTheOutputAsItWasAndCleansStaging() throws IOException {
        Path input = directory.resolve("input");
        session.createDataset(rows(20_000, 1, List.of(REGIONS)), SCHEMA).write().parquet(input.toString());
        Path corrupt = input.resolve("part-99999-zz-corrupt.parquet");
        Files.writeString(corrupt, "this is not parquet", StandardCharsets.UTF_8);
        String output = directory.resolve("target").toString();
        session.createDataset(rows(500, 7, List.of(REGIONS)), SCHEMA).write().partitionBy("region").parquet(output);
        Map<String, String> before = contents(Path.of(output));

        Dataset broken = session.read().schema(SCHEMA).parquet(input.toString());
        assertThatThrownBy(() -> broken.write().mode("overwrite").partitionBy("region").parquet(output))
                .hasStackTraceContaining(corrupt.getFileName().toString());

        assertThat(contents(Path.of(output))).isEqualTo(before);
        assertThat(stagingLeftovers(directory)).isEmpty();
    }

    /**
     * A write whose driver died leaves its staging next to the output (here: a commit protocol set
     * up and a task file written, then nothing for 13 hours). The next write to that output rolls
     * it back and removes it; staging of another output, and recent staging, stay.
     */
    @Test
    void theNextWriteRemovesStagingLeftByAWriteThatDied() throws IOException {
        String output = directory.resolve("orders").toString();
        session.createDataset(rows(300, 1, List.of(REGIONS)), SCHEMA).write().parquet(output);
        org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        new io.spindle.formats.commit.FileCommitProtocol(fs, new org.apache.hadoop.fs.Path(output), "killed",
                io.spindle.formats.commit.WriteMode.APPEND).setupJob();
        new io.spindle.formats.commit.FileCommitProtocol(fs, new org.apache.hadoop.fs.Path(directory.resolve("other").toString()),
                "killedOther", io.spindle.formats.commit.WriteMode.APPEND).setupJob();
        Path killed = directory.resolve(".spindle-staging-killed");
        Files.writeString(killed.resolve("part-00000-half-written.parquet"), "half a file", StandardCharsets.UTF_8);
        age(killed, java.time.Duration.ofHours(13));
        age(directory.resolve(".spindle-staging-killedOther"), java.time.Duration.ofHours(13));
        assertThat(stagingLeftovers(directory)).containsExactlyInAnyOrder(".spindle-staging-killed",
                ".spindle-staging-killedOther");

        List<Row> appended = rows(200, 2, List.of(REGIONS));
        session.createDataset(appended, SCHEMA).write().mode("append").parquet(output);

        assertThat(stagingLeftovers(directory)).containsExactly(".spindle-staging-killedOther");
        List<Row> expected = new ArrayList<>(rows(300, 1, List.of(REGIONS)));
        expected.addAll(appended);
        assertThat(AllTypes.comparable(session.read().parquet(output).collectAsList()))
                .isEqualTo(AllTypes.comparable(expected));
    }

    /** Sets every modification time under root (root included) back by {@code age}. */
    private static void age(Path root, java.time.Duration age) throws IOException {
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(age));
        try (Stream<Path> entries = Files.walk(root)) {
            for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(entry, then);
            }
        }
    }

    private static List<String> expectedDirectories(List<Row> rows) {
        return rows.stream().map(row -> "region=" + row.getString(2) + "/day=" + row.getInt(3)).distinct().toList();
    }

    private static List<String> partitionDirectories(String output) throws IOException {
        Path root = Path.of(output);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith("part-"))
                    .map(file -> root.relativize(file.getParent()).toString()).distinct().toList();
        }
    }

    private static List<Path> dataFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().startsWith("part-"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file under root (relative path to its bytes, hex), including hidden ones. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return contents;
    }

    private static List<String> stagingLeftovers(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(".spindle-staging"))
                    .toList();
        }
    }
}
