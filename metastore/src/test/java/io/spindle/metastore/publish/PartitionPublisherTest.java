package io.spindle.metastore.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.metastore.client.CountingMetastoreCalls;
import io.spindle.metastore.testing.FailingMetastoreCalls;
import io.spindle.metastore.testing.ParquetData;
import io.spindle.metastore.testing.SharedMetastore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing partitions to the real metastore, with real Parquet files, checked by the metastore and DuckDB. */
class PartitionPublisherTest {
    private static final LocalDate DAY1 = LocalDate.of(2026, 11, 24);
    private static final LocalDate DAY2 = LocalDate.of(2026, 11, 25);
    private static final LocalDate DAY3 = LocalDate.of(2026, 11, 26);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static HiveCatalog catalog;
    private static String database;
    private CatalogTable table;

    @BeforeAll
    static void createDatabase() {
        catalog = SharedMetastore.catalog();
        database = SharedMetastore.newDatabase("publish");
    }

    /** Each test starts from its own table holding DAY1 (100 rows) and DAY2 (200 rows), written by "initial". */
    @BeforeEach
    void createTable() {
        table = catalog.createTable(CatalogTable.builder(TableName.of(database, "t" + TABLES.incrementAndGet()))
                .column("id", DataType.LONG).column("name", DataType.STRING).partitionColumn("dt", DataType.DATE)
                .build(), false);
        publish("initial", PublishMode.OVERWRITE_PARTITIONS, write(DAY1, "initial", 0, 100), write(DAY2, "initial", 1000, 200));
    }

    @Test
    void dynamicOverwriteReplacesOnlyTouchedPartitionsInTwoCalls() {
        Snapshot before = snapshot();
        CountingMetastoreCalls counting = counting();
        PartitionPublisher publisher = catalog.withCalls(calls -> counting).publisher();

        PublicationResult result = publisher.publish(TableWrite.dynamic(table.name(), "nightly2", PublishMode.OVERWRITE_PARTITIONS,
                List.of(write(DAY2, "nightly2", 5000, 50), write(DAY3, "nightly2", 9000, 70))));

        assertThat(result.plan().describe()).isEqualTo(table.name() + " OVERWRITE_PARTITIONS: add 1 [dt=2026-11-26], "
                + "replace 1 [dt=2026-11-25], append 0, drop 0");
        assertThat(counting.counts()).containsEntry("addPartitions", 1).containsEntry("alterPartitions", 1)
                .doesNotContainKeys("listPartitionNames", "dropPartition");
        Snapshot after = snapshot();
        assertThat(after.partition("dt=2026-11-24")).isEqualTo(before.partition("dt=2026-11-24"));
        assertThat(after.rows("dt=2026-11-25")).isEqualTo(50);
        assertThat(after.rows("dt=2026-11-26")).isEqualTo(70);
        assertThat(after.partition("dt=2026-11-25").location()).endsWith("/dt=2026-11-25/spindle-nightly2");
        assertThat(Files.exists(localPath(before.partition("dt=2026-11-25").location())))
                .as("the replaced version is deleted").isFalse();
        assertThat(duckDbIds(after.locations())).isEqualTo(idRange(0, 100) + idRange(5000, 50) + idRange(9000, 70));
    }

    @Test
    void aLaterPublishDeletesVersionsThatKilledRunsLeftUnpublishedOnceTheyAreOld() throws IOException {
        write(DAY2, "killed", 3000, 5); // committed, never published: the run died
        write(DAY2, "inflight", 4000, 5); // a concurrent run about to publish
        String killed = PartitionPublisher.versionDirectory(table, List.of(DAY2), "killed");
        age(localPath(killed), PartitionPublisher.ABANDONED_VERSION_AGE.plusMinutes(5));

        catalog.publisher().publish(TableWrite.dynamic(table.name(), "nightly3", PublishMode.OVERWRITE_PARTITIONS,
                List.of(write(DAY2, "nightly3", 5000, 50))));

        assertThat(Files.exists(localPath(killed))).isFalse();
        assertThat(Files.exists(localPath(PartitionPublisher.versionDirectory(table, List.of(DAY2), "inflight"))))
                .isTrue();
        assertThat(snapshot().partition("dt=2026-11-25").location()).endsWith("/dt=2026-11-25/spindle-nightly3");
    }

    private static void age(Path directory, java.time.Duration age) throws IOException {
        java.nio.file.attribute.FileTime then = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(age));
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, then);
            }
        }
    }

    @Test
    void staticPartitionOverwriteReplacesThatPartitionOnly() {
        Snapshot before = snapshot();
        catalog.publisher().publish(new TableWrite(table.name(), "static1", PublishMode.OVERWRITE_PARTITIONS,
                List.of(write(DAY1, "static1", 7000, 10)), Map.of("dt", DAY1)));
        Snapshot after = snapshot();
        assertThat(after.names()).containsExactly("dt=2026-11-24", "dt=2026-11-25");
        assertThat(after.rows("dt=2026-11-24")).isEqualTo(10);
        assertThat(after.partition("dt=2026-11-25")).isEqualTo(before.partition("dt=2026-11-25"));

        assertThatThrownBy(() -> catalog.publisher().publish(new TableWrite(table.name(), "static2",
                PublishMode.OVERWRITE_PARTITIONS, List.of(write(DAY3, "static2", 0, 1)), Map.of("dt", DAY1))))
                .hasMessageContaining("outside the static partition")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.INVALID_WRITE));
        assertThat(Files.exists(localPath(PartitionPublisher.versionDirectory(table, List.of(DAY3), "static2"))))
                .as("a refused write's files are deleted").isFalse();
    }

    @Test
    void failureBetweenFileCommitAndMetastoreUpdateLeavesTheTableAsItWas() throws IOException {
        for (String failingCall : List.of("addPartitions", "alterPartitions")) {
            Snapshot before = snapshot();
            List<String> filesBefore = allFiles();
            PartitionPublisher failing = catalog.withCalls(calls -> new FailingMetastoreCalls(calls, failingCall))
                    .publisher();
            TableWrite write = TableWrite.dynamic(table.name(), "broken-" + failingCall, PublishMode.OVERWRITE_PARTITIONS,
                    List.of(write(DAY2, "broken-" + failingCall, 5000, 5), write(DAY3, "broken-" + failingCall, 6000, 6)));

            assertThatThrownBy(() -> failing.publish(write))
                    .hasMessageContaining("injected failure of " + failingCall)
                    .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.PUBLICATION_FAILED));

            assertThat(snapshot().partitions()).as("after a failed " + failingCall)
                    .containsExactlyEntriesOf(before.partitions());
            assertThat(allFiles()).as("files after a failed " + failingCall).isEqualTo(filesBefore);
            assertThat(duckDbIds(before.locations())).isEqualTo(idRange(0, 100) + idRange(1000, 200));
        }
    }

    @Test
    void theSameNightlyWriteTwiceGivesIdenticalPartitionsFilesAndStatistics() throws IOException {
        publish("run1", PublishMode.OVERWRITE_PARTITIONS, write(DAY2, "run1", 1000, 300), write(DAY3, "run1", 2000, 40));
        Snapshot first = snapshot();
        Map<String, List<String>> firstFiles = filesByPartition(first);
        String firstIds = duckDbIds(first.locations());
        publish("run2", PublishMode.OVERWRITE_PARTITIONS, write(DAY2, "run2", 1000, 300), write(DAY3, "run2", 2000, 40));
        Snapshot second = snapshot();

        assertThat(second.names()).isEqualTo(first.names());
        assertThat(second.statistics()).isEqualTo(first.statistics());
        assertThat(filesByPartition(second)).isEqualTo(firstFiles);
        assertThat(duckDbIds(second.locations())).isEqualTo(firstIds);
        assertThat(second.statistics().get("dt=2026-11-25")).isEqualTo(new PartitionStatistics(1, 300,
                second.statistics().get("dt=2026-11-25").totalSize()));

        assertThatThrownBy(() -> publish("run2", PublishMode.OVERWRITE_PARTITIONS, outputOf(DAY2, "run2", 300)))
                .hasMessageContaining("already published");
        assertThat(duckDbIds(snapshot().locations())).as("a refused re-use of a write id keeps the data")
                .isEqualTo(duckDbIds(second.locations()));
    }

    @Test
    void twoJobsWritingDifferentPartitionsConcurrentlyBothLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HiveCatalog second = HiveCatalog.connect(SharedMetastore.settings(), SharedMetastore.hadoopConf())) {
            List<Callable<PublicationResult>> jobs = new ArrayList<>();
            for (int job = 0; job < 2; job++) {
                HiveCatalog own = job == 0 ? catalog : second;
                String id = "concurrent" + job;
                List<PartitionOutput> outputs = new ArrayList<>();
                for (int day = 0; day < 5; day++) {
                    LocalDate date = LocalDate.of(2027, 1 + job, 1 + day);
                    outputs.add(ParquetData.write(table, List.of(date), id, 100_000L * job + day * 10, 10));
                }
                jobs.add(() -> own.publisher().publish(TableWrite.dynamic(table.name(), id, PublishMode.OVERWRITE_PARTITIONS,
                        outputs)));
            }
            List<Future<PublicationResult>> results = pool.invokeAll(jobs, 60, TimeUnit.SECONDS);
            for (Future<PublicationResult> result : results) {
                assertThat(result.get().plan().names(PlannedPartition.Action.ADD)).hasSize(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(snapshot().names()).hasSize(12);
    }

    @Test
    void theMetastoresOwnViewShowsLocationsAndStatistics() throws Exception {
        Partition partition = rawCalls().getPartitionsByNames(database, table.name().table(), List.of("dt=2026-11-25")).get(0);
        assertThat(partition.getSd().getLocation()).endsWith("/" + table.name().table() + "/dt=2026-11-25/spindle-initial");
        long bytes;
        try (Stream<Path> files = Files.list(localPath(partition.getSd().getLocation()))) {
            bytes = files.filter(path -> !path.getFileName().toString().startsWith("."))
                    .mapToLong(path -> path.toFile().length()).sum();
        }
        assertThat(partition.getParameters()).containsEntry("numFiles", "1").containsEntry("numRows", "200")
                .containsEntry("totalSize", String.valueOf(bytes))
                .containsEntry("COLUMN_STATS_ACCURATE", "{\"BASIC_STATS\":\"true\"}");
        assertThat(partition.getSd().getSerdeInfo().getSerializationLib())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(rawCalls().listPartitionNames(database, table.name().table()))
                .containsExactly("dt=2026-11-24", "dt=2026-11-25");
    }

    @Test
    void duckDbReadsTheSelectedPartitionsWithHivePartitioning() throws Exception {
        PrunedPartitions selected = catalog.partitions(table, Optional.of(
                io.spindle.formats.predicate.Predicate.equal("dt", DAY2)));
        String glob = localPath(selected.partitions().get(0).location()) + "/*.parquet";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), min(id), max(id), min(name), CAST(min(dt) AS VARCHAR) "
                     + "FROM read_parquet('" + glob + "', hive_partitioning = true)")) {
            rows.next();
            assertThat(List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5)))
                    .containsExactly(200L, 1000L, 1199L, "row-1000", "2026-11-25");
        }
    }

    @Test
    void dryRunListsWhatWouldChangeAndChangesNothing() {
        Snapshot before = snapshot();
        PublicationPlan plan = catalog.publisher().plan(TableWrite.dynamic(table.name(), "dry", PublishMode.OVERWRITE_TABLE,
                List.of(write(DAY3, "dry", 0, 3))));
        assertThat(plan.names(PlannedPartition.Action.ADD)).containsExactly("dt=2026-11-26");
        assertThat(plan.names(PlannedPartition.Action.DROP)).containsExactly("dt=2026-11-24", "dt=2026-11-25");
        assertThat(plan.withAction(PlannedPartition.Action.ADD).get(0).statistics().numRows()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void wholeTableOverwriteDropsPartitionsWithoutNewData() {
        Snapshot before = snapshot();
        publish("full", PublishMode.OVERWRITE_TABLE, write(DAY3, "full", 0, 3));
        Snapshot after = snapshot();
        assertThat(after.names()).containsExactly("dt=2026-11-26");
        assertThat(Files.exists(localPath(before.partition("dt=2026-11-24").location()))).isFalse();
        assertThat(duckDbIds(after.locations())).isEqualTo(idRange(0, 3));
    }

    @Test
    void appendAddsFilesToExistingPartitionsAndUpdatesStatistics() {
        Snapshot before = snapshot();
        publish("more", PublishMode.APPEND, write(DAY1, "more", 500, 20), write(DAY3, "more", 800, 5));
        Snapshot after = snapshot();
        assertThat(after.partition("dt=2026-11-24").location()).isEqualTo(before.partition("dt=2026-11-24").location());
        assertThat(after.statistics().get("dt=2026-11-24").numRows()).isEqualTo(120);
        assertThat(after.statistics().get("dt=2026-11-24").numFiles()).isEqualTo(2);
        assertThat(duckDbIds(List.of(after.partition("dt=2026-11-24").location())))
                .isEqualTo(idRange(0, 100) + idRange(500, 20));
        assertThat(after.rows("dt=2026-11-26")).isEqualTo(5);
    }

    // ------------------------------------------------------------------ helpers

    private PartitionOutput write(LocalDate day, String writeId, long firstId, int rows) {
        return ParquetData.write(table, List.of(day), writeId, firstId, rows);
    }

    private PartitionOutput outputOf(LocalDate day, String writeId, int rows) {
        return new PartitionOutput(List.of(day), PartitionPublisher.versionDirectory(table, List.of(day), writeId), rows);
    }

    private void publish(String writeId, PublishMode mode, PartitionOutput... outputs) {
        catalog.publisher().publish(TableWrite.dynamic(table.name(), writeId, mode, List.of(outputs)));
    }

    /** The table's partitions as the catalog sees them (names, locations, parameters). */
    private Snapshot snapshot() {
        PrunedPartitions all = catalog.partitions(table, Optional.empty());
        Map<String, CatalogPartition> byName = new TreeMap<>();
        for (CatalogPartition partition : all.partitions()) {
            Map<String, String> parameters = new TreeMap<>(partition.parameters());
            parameters.remove("transient_lastDdlTime"); // the metastore stamps every alter, undone ones too
            byName.put(partition.name(), new CatalogPartition(partition.name(), partition.storedValues(),
                    partition.values(), partition.location(), parameters));
        }
        return new Snapshot(byName);
    }

    private record Snapshot(Map<String, CatalogPartition> partitions) {
        CatalogPartition partition(String name) {
            return partitions.get(name);
        }

        List<String> names() {
            return new ArrayList<>(partitions.keySet());
        }

        long rows(String name) {
            return partitions.get(name).statistics().numRows();
        }

        Map<String, PartitionStatistics> statistics() {
            Map<String, PartitionStatistics> statistics = new TreeMap<>();
            partitions.forEach((name, partition) -> statistics.put(name, partition.statistics()));
            return statistics;
        }

        List<String> locations() {
            return partitions.values().stream().map(CatalogPartition::location).collect(Collectors.toList());
        }
    }

    /** File names and sizes per partition, independent of the version directory's name. */
    private static Map<String, List<String>> filesByPartition(Snapshot snapshot) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        for (CatalogPartition partition : snapshot.partitions().values()) {
            try (Stream<Path> listing = Files.list(localPath(partition.location()))) {
                files.put(partition.name(), listing.filter(p -> !p.getFileName().toString().startsWith("."))
                        .map(p -> p.getFileName() + ":" + p.toFile().length()).sorted()
                        .collect(Collectors.toList()));
            }
        }
        return files;
    }

    private List<String> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(localPath(table.location()))) {
            return walk.map(Path::toString).sorted().collect(Collectors.toList());
        }
    }

    /** Every id DuckDB reads from the Parquet files in these directories, ascending, as one string. */
    private static String duckDbIds(List<String> locations) {
        if (locations.isEmpty()) {
            return "";
        }
        String files = locations.stream().map(l -> "'" + localPath(l) + "/*.parquet'").collect(Collectors.joining(", "));
        StringBuilder ids = new StringBuilder();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM read_parquet([" + files + "]) ORDER BY id")) {
            while (rows.next()) {
                ids.append(rows.getLong(1)).append(',');
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("DuckDB could not read " + files, e);
        }
        return ids.toString();
    }

    private static String idRange(long first, int count) {
        StringBuilder ids = new StringBuilder();
        for (long id = first; id < first + count; id++) {
            ids.append(id).append(',');
        }
        return ids.toString();
    }

    private static Path localPath(String location) {
        return Path.of(new org.apache.hadoop.fs.Path(location).toUri().getPath());
    }

    private static CountingMetastoreCalls counting() {
        AtomicReference<CountingMetastoreCalls> counting = new AtomicReference<>();
        catalog.withCalls(calls -> {
            counting.set(new CountingMetastoreCalls(calls));
            return calls;
        });
        return counting.get();
    }

    private static MetastoreCalls rawCalls() {
        AtomicReference<MetastoreCalls> raw = new AtomicReference<>();
        catalog.withCalls(calls -> {
            raw.set(calls);
            return calls;
        });
        return raw.get();
    }
}
