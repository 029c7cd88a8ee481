package io.spindle.engine;

import static io.spindle.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.TableWriteResult;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.client.ForwardingMetastoreCalls;
import io.spindle.metastore.publish.PlannedPartition.Action;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.apache.thrift.TException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * insertInto on a partitioned table: static and dynamic overwrite replace only the partitions the
 * data touches, a re-run leaves identical contents, a failing task or a failing metastore update
 * leaves the table as it was, a dry run changes nothing, statistics describe the files. The
 * metastore's view (partitions, locations, statistics) is checked directly, and DuckDB reads the
 * files at the metastore's locations as the independent reader.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TableWriteTest {
    private static final Schema SALES = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.LONG),
            Field.of("dt", DataType.DATE));
    private static final LocalDate D1 = LocalDate.of(2026, 11, 24);
    private static final LocalDate D2 = LocalDate.of(2026, 11, 25);
    private static final LocalDate D3 = LocalDate.of(2026, 11, 26);
    private static final LocalDate D4 = LocalDate.of(2026, 11, 27);

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("table-write");
    private static String database;
    private String table;

    @BeforeAll
    static void open() throws Exception {
        database = TableTestSupport.newDatabase(engine.session(), "writes");
    }

    @BeforeEach
    void createTable(org.junit.jupiter.api.TestInfo test) {
        table = database + "." + test.getTestMethod().orElseThrow().getName().toLowerCase(java.util.Locale.ROOT);
        engine.session().catalog().createTable(engine.session().catalog().newTable(table).column("id", DataType.LONG)
                .column("amount", DataType.LONG).partitionColumn("dt", DataType.DATE).build());
        sales(0, 30, D1, D2, D3).write().insertInto(table);
    }

    @Test
    void aStaticPartitionOverwriteReplacesOnlyThatPartition() throws Exception {
        Map<String, String> before = locations();

        TableWriteResult result = sales(1000, 5, D2).drop("dt").write().mode("overwrite").partition("dt", "2026-11-25")
                .insertInto(table);

        assertThat(result.partitions(Action.REPLACE)).containsExactly("dt=2026-11-25");
        assertThat(result.partitions(Action.ADD)).isEmpty();
        Map<String, String> after = locations();
        assertThat(after.keySet()).containsExactly("dt=2026-11-24", "dt=2026-11-25", "dt=2026-11-26");
        assertThat(after.get("dt=2026-11-24")).isEqualTo(before.get("dt=2026-11-24"));
        assertThat(after.get("dt=2026-11-26")).isEqualTo(before.get("dt=2026-11-26"));
        assertThat(after.get("dt=2026-11-25")).isNotEqualTo(before.get("dt=2026-11-25"));
        assertThat(TableTestSupport.dataFiles(conf(), before.get("dt=2026-11-25"))).isEmpty(); // old version deleted
        assertThat(tableRows()).isEqualTo(expectedRows(sales(0, 30, D1, D2, D3).where(col("dt").notEqual(D2)),
                sales(1000, 5, D2)));
        assertTableMatchesDuckDb();
    }

    @Test
    void aDynamicOverwriteReplacesTheTouchedPartitionsAddsNewOnesAndKeepsTheRest() throws Exception {
        Map<String, String> before = locations();

        TableWriteResult result = sales(500, 8, D3, D4).write().mode("overwrite").insertInto(table);

        assertThat(result.partitions(Action.REPLACE)).containsExactly("dt=2026-11-26");
        assertThat(result.partitions(Action.ADD)).containsExactly("dt=2026-11-27");
        Map<String, String> after = locations();
        assertThat(after.keySet()).containsExactly("dt=2026-11-24", "dt=2026-11-25", "dt=2026-11-26", "dt=2026-11-27");
        assertThat(after.get("dt=2026-11-24")).isEqualTo(before.get("dt=2026-11-24"));
        assertThat(after.get("dt=2026-11-25")).isEqualTo(before.get("dt=2026-11-25"));
        assertThat(tableRows()).isEqualTo(expectedRows(sales(0, 30, D1, D2), sales(500, 8, D3, D4)));
        assertTableMatchesDuckDb();
        assertStatisticsDescribeTheFiles();
    }

    @Test
    void runningTheSameNightlyWriteTwiceGivesIdenticalContents() throws Exception {
        sales(500, 8, D3, D4).write().mode("overwrite").insertInto(table);
        List<Row> once = tableRows();
        Map<String, PartitionStatistics> statisticsOnce = statistics();

        sales(500, 8, D3, D4).write().mode("overwrite").insertInto(table);

        assertThat(tableRows()).isEqualTo(once);
        assertThat(statistics()).isEqualTo(statisticsOnce);
        // One version per partition on disk: a path-based reader sees no duplicates either.
        String root = engine.session().catalog().getTable(table).location();
        assertThat(TableTestSupport.tree(conf(), root).stream().filter(path -> path.matches("dt=[^/]+/spindle-[^/]+")))
                .hasSize(4);
        assertTableMatchesDuckDb();
    }

    @Test
    void aWholeTableOverwriteNeedsTheStaticOverwriteMode() throws Exception {
        sales(700, 4, D4).write().mode("overwrite").option("partitionOverwriteMode", "static").insertInto(table);

        assertThat(locations().keySet()).containsExactly("dt=2026-11-27");
        assertThat(tableRows()).isEqualTo(expectedRows(sales(700, 4, D4)));
        assertTableMatchesDuckDb();
    }

    @Test
    void aDryRunListsWhatWouldChangeAndWritesNothing() {
        String root = engine.session().catalog().getTable(table).location();
        List<String> filesBefore = TableTestSupport.tree(conf(), root);
        List<Row> rowsBefore = tableRows();

        TableWriteResult dryRun = sales(500, 8, D3, D4).write().mode("overwrite").option("dryRun", "true")
                .insertInto(table);

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.partitions(Action.REPLACE)).containsExactly("dt=2026-11-26");
        assertThat(dryRun.partitions(Action.ADD)).containsExactly("dt=2026-11-27");
        assertThat(TableTestSupport.tree(conf(), root)).isEqualTo(filesBefore);
        assertThat(tableRows()).isEqualTo(rowsBefore);
        TableWriteResult whole = sales(500, 8, D4).write().mode("overwrite").option("partitionOverwriteMode", "static")
                .option("dryRun", "true").insertInto(table);
        assertThat(whole.partitions(Action.DROP)).containsExactly("dt=2026-11-24", "dt=2026-11-25", "dt=2026-11-26");
    }

    @Test
    void aFailingTaskLeavesTheTableAsItWas() {
        String root = engine.session().catalog().getTable(table).location();
        List<String> filesBefore = TableTestSupport.tree(conf(), root);
        List<Row> rowsBefore = tableRows();
        Schema text = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.STRING),
                Field.of("dt", DataType.DATE));
        Dataset bad = engine.session().createDataset(List.of(Row.of(1L, "10", D3), Row.of(2L, "not a number", D3),
                Row.of(3L, "5", D4)), text).withColumn("amount", col("amount").cast(DataType.LONG));

        assertThatThrownBy(() -> bad.write().mode("overwrite").insertInto(table)).hasMessageContaining("not a number");

        assertThat(TableTestSupport.tree(conf(), root)).isEqualTo(filesBefore);
        assertThat(tableRows()).isEqualTo(rowsBefore);
    }

    @Test
    void aFailedMetastoreUpdateLeavesTheTableAsItWas() {
        String root = engine.session().catalog().getTable(table).location();
        List<String> filesBefore = TableTestSupport.tree(conf(), root);
        List<Row> rowsBefore = tableRows();
        engine.session().catalog().decorateMetastoreCalls(calls -> new ForwardingMetastoreCalls(calls) {
            @Override
            protected void before(String call, Object argument) throws TException {
                if (call.equals("alterPartitions")) {
                    throw new MetaException("injected failure of alterPartitions");
                }
            }
        });
        try {
            // D4 is added first, then the alter of D3 fails: the add must be undone.
            assertThatThrownBy(() -> sales(500, 8, D3, D4).write().mode("overwrite").insertInto(table))
                    .isInstanceOf(CatalogException.class).hasMessageContaining("the table was left as it was");
        } finally {
            engine.session().catalog().decorateMetastoreCalls(calls -> new ForwardingMetastoreCalls(calls) {
                @Override
                protected void before(String call, Object argument) {
                }
            });
        }
        engine.session().catalog().close(); // drop the failing decorator: the next use reconnects
        assertThat(TableTestSupport.tree(conf(), root)).isEqualTo(filesBefore);
        assertThat(tableRows()).isEqualTo(rowsBefore);
    }

    @Test
    void columnsAreMatchedByNameAndAMissingOneIsNamed() {
        Dataset reordered = sales(900, 2, D4).select("dt", "amount", "id");
        reordered.write().insertInto(table);
        assertThat(tableRows()).isEqualTo(expectedRows(sales(0, 30, D1, D2, D3), sales(900, 2, D4)));

        assertThatThrownBy(() -> sales(0, 1, D4).withColumnRenamed("amount", "amout").write().insertInto(table))
                .isInstanceOf(CatalogException.class).hasMessageContaining("the data has no column 'amount'")
                .hasMessageContaining("did you mean 'amout'");
    }

    /** {@code count} rows per day with ids from {@code firstId}, amounts derived from the id. */
    private static Dataset sales(long firstId, int count, LocalDate... days) {
        List<Row> rows = new ArrayList<>();
        long id = firstId;
        for (LocalDate day : days) {
            for (int i = 0; i < count; i++, id++) {
                rows.add(Row.of(id, id * 13 % 97, day));
            }
        }
        return engine.session().createDataset(rows, SALES);
    }

    private List<Row> tableRows() {
        return engine.session().table(table).select("id", "amount", "dt").orderBy("id").collectAsList();
    }

    private static List<Row> expectedRows(Dataset... parts) {
        List<Row> rows = new ArrayList<>();
        for (Dataset part : parts) {
            rows.addAll(part.select("id", "amount", "dt").collectAsList());
        }
        rows.sort(Comparator.comparingLong(row -> row.getLong(0)));
        return rows;
    }

    private void assertTableMatchesDuckDb() throws Exception {
        String files = TableTestSupport.duckDbFileList(conf(), engine.session().catalog().listPartitions(table));
        assertThat(tableRows()).isEqualTo(engine.duckdb().query("SELECT id, amount, dt FROM read_parquet(" + files
                + ", hive_partitioning = true) ORDER BY id"));
    }

    private void assertStatisticsDescribeTheFiles() {
        for (CatalogPartition partition : engine.session().catalog().listPartitions(table)) {
            List<FileStatus> files = TableTestSupport.dataFiles(conf(), partition.location());
            long rows = engine.session().table(table).where(col("dt").equalTo(partition.values().get(0))).count();
            assertThat(partition.statistics()).as(partition.name()).isEqualTo(new PartitionStatistics(files.size(), rows,
                    files.stream().mapToLong(FileStatus::getLen).sum()));
        }
    }

    private Map<String, String> locations() {
        return TableTestSupport.locations(engine.session().catalog().listPartitions(table));
    }

    private Map<String, PartitionStatistics> statistics() {
        Map<String, PartitionStatistics> byName = new TreeMap<>();
        engine.session().catalog().listPartitions(table).forEach(p -> byName.put(p.name(), p.statistics()));
        return byName;
    }

    private static Configuration conf() {
        return engine.session().hadoopConf();
    }
}
