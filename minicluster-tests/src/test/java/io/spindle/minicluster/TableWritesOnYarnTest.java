package io.spindle.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.am.client.ExitCode;
import io.spindle.formats.types.DataType;
import io.spindle.jobs.cluster.EmbeddedCluster;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.MetastoreSettings;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.TableName;
import io.spindle.minicluster.jobs.TableJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned table writes by jobs submitted through the real client to the shared cluster, with
 * the cluster's Thrift metastore: two jobs writing different partitions of one table concurrently
 * both publish, and a job killed between its file commit and the metastore update leaves the table
 * as it was, and readable. The metastore's own view (partitions, locations, statistics) is checked,
 * and DuckDB reads the files at the metastore's locations.
 *
 * <p>The second test continues on the table the first one wrote (each submission costs seconds).
 */
@ExtendWith(MiniClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TableWritesOnYarnTest {
    private static final String TABLE = "it_tables.daily_sales";
    private static final LocalDate D1 = LocalDate.of(2026, 11, 25);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 26);

    private static HiveCatalog metastore;
    private static FileSystem hdfs;

    @TempDir
    Path localTemp;

    @BeforeAll
    static void createTable(EmbeddedCluster cluster) {
        metastore = HiveCatalog.connect(MetastoreSettings.remote(cluster.metastoreUri()), cluster.clientConfiguration());
        hdfs = cluster.fileSystem();
        metastore.createDatabase("it_tables", Optional.empty(), true);
        metastore.createTable(CatalogTable.builder(TableName.parse(TABLE)).column("id", DataType.LONG)
                .column("amount", DataType.LONG).partitionColumn("dt", DataType.DATE).build(), false);
    }

    @AfterAll
    static void close() {
        metastore.close();
    }

    @Test
    @Order(1)
    void twoJobsWritingDifferentPartitionsConcurrentlyBothPublish() throws Exception {
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> writeDay("it-table-day1", D1, 0, 40));
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> writeDay("it-table-day2", D2, 1000, 25));

        for (CliRun run : List.of(first.get(180, TimeUnit.SECONDS), second.get(180, TimeUnit.SECONDS))) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }

        List<CatalogPartition> partitions = partitions();
        assertThat(partitions).extracting(CatalogPartition::name).containsExactly("dt=2026-11-25", "dt=2026-11-26");
        String tableLocation = metastore.table(TableName.parse(TABLE)).location();
        for (CatalogPartition partition : partitions) {
            assertThat(partition.location()).startsWith(tableLocation + "/" + partition.name() + "/spindle-");
            List<FileStatus> files = dataFiles(partition.location());
            assertThat(partition.statistics()).as(partition.name()).isEqualTo(new PartitionStatistics(files.size(),
                    partition.name().endsWith("25") ? 40 : 25, files.stream().mapToLong(FileStatus::getLen).sum()));
        }
        assertThat(duckDbRows(partitions)).isEqualTo(expected(Map.of(D1, new long[] {0, 40}, D2, new long[] {1000, 25})));
    }

    @Test
    @Order(2)
    void aJobKilledBetweenFileCommitAndMetastoreUpdateLeavesTheTableAsItWas() throws Exception {
        List<CatalogPartition> before = partitions();
        assertThat(before).as("the table the first test wrote").hasSize(2);
        String current = before.get(0).location();
        String name = "it-table-killed";
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> writeDay(name, D1, 5000, 10,
                "spindle.metastore.testing.beforePublish=wait"));

        // The job commit renames the new version of dt=2026-11-25 into place with all its files at once.
        org.apache.hadoop.fs.Path partitionDirectory = new org.apache.hadoop.fs.Path(current).getParent();
        Eventually.waitFor("the killed job's files committed", Duration.ofSeconds(120), () ->
                newVersions(partitionDirectory, current).stream().anyMatch(this::hasDataFiles));
        ApplicationReport app = ClusterApps.byName(name);
        CliRun kill = CliRun.of("kill", "--hadoop-conf-dir", MiniClusterExtension.cluster().clientConfigDir().toString(),
                app.getApplicationId().toString());
        assertThat(kill.exitCode()).as(kill.toString()).isZero();
        CliRun killed = run.get(120, TimeUnit.SECONDS);
        assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(ExitCode.KILLED.code());

        List<CatalogPartition> after = partitions();
        assertThat(after).isEqualTo(before); // names, locations, statistics: as before the job
        assertThat(duckDbRows(after)).isEqualTo(expected(Map.of(D1, new long[] {0, 40}, D2, new long[] {1000, 25})));
    }

    private static CliRun writeDay(String name, LocalDate day, long firstId, int rows, String... conf) {
        List<String> settings = new ArrayList<>(List.of("spindle.metastore.uris="
                + MiniClusterExtension.cluster().metastoreUri(), "spindle.executor.instances=1"));
        settings.addAll(List.of(conf));
        return CliRun.submit(name, settings, TableJobs.WriteDay.class.getName(), appJar(), TABLE, day.toString(),
                Long.toString(firstId), Integer.toString(rows));
    }

    private static List<CatalogPartition> partitions() {
        return metastore.partitions(metastore.table(TableName.parse(TABLE)), Optional.empty()).partitions();
    }

    private List<org.apache.hadoop.fs.Path> newVersions(org.apache.hadoop.fs.Path partition, String current) {
        List<org.apache.hadoop.fs.Path> versions = new ArrayList<>();
        try {
            for (FileStatus status : hdfs.listStatus(partition)) {
                String child = status.getPath().toString();
                if (status.isDirectory() && status.getPath().getName().startsWith("spindle-") && !child.equals(current)) {
                    versions.add(status.getPath());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return versions;
    }

    private boolean hasDataFiles(org.apache.hadoop.fs.Path version) {
        try {
            return !dataFiles(version.toString()).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<FileStatus> dataFiles(String location) throws java.io.IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : hdfs.listStatus(new org.apache.hadoop.fs.Path(location))) {
            String fileName = status.getPath().getName();
            if (status.isFile() && !fileName.startsWith("_") && !fileName.startsWith(".")) {
                files.add(status);
            }
        }
        return files;
    }

    /** The rows DuckDB reads from copies of the files at the metastore's partition locations. */
    private List<String> duckDbRows(List<CatalogPartition> partitions) throws Exception {
        Path copies = Files.createTempDirectory(localTemp, "copies");
        for (CatalogPartition partition : partitions) {
            Path directory = Files.createDirectories(copies.resolve(partition.name()));
            for (FileStatus file : dataFiles(partition.location())) {
                hdfs.copyToLocalFile(file.getPath(), new org.apache.hadoop.fs.Path(
                        directory.resolve(file.getPath().getName()).toUri()));
            }
        }
        List<String> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, amount, CAST(dt AS VARCHAR) FROM read_parquet('"
                     + copies + "/*/*.parquet', hive_partitioning = true) ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getLong(1) + "," + result.getLong(2) + "," + result.getString(3));
            }
        }
        return rows;
    }

    /** What the jobs wrote, day → {first id, rows}, as DuckDB's rows print. */
    private static List<String> expected(Map<LocalDate, long[]> days) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> day : new TreeMap<>(days).entrySet()) {
            for (long id = day.getValue()[0]; id < day.getValue()[0] + day.getValue()[1]; id++) {
                rows.add(id + "," + TableJobs.amount(id) + "," + day.getKey());
            }
        }
        return rows;
    }

    private static String appJar() {
        try {
            return TestApplicationJar.get().toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
