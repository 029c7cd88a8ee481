package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.client.CountingMetastoreCalls;
import io.spindle.metastore.publish.PartitionOutput;
import io.spindle.metastore.publish.PartitionPublisher;
import io.spindle.metastore.publish.PublishMode;
import io.spindle.metastore.publish.TableWrite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queries over a table of 200 daily partitions: the partitions a query reads are selected in the
 * metastore from the filters the optimizer pushed, and the metastore calls prove it — no full
 * partition listing for a filtered query. Answers are checked against DuckDB reading the files.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TableScanPruningTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 200;
    private static final int ROWS_PER_DAY = 3;
    private static final Schema FILE_SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.LONG));

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("table-pruning");
    private static String table;
    private static String files;

    @BeforeAll
    static void createDailyTable() throws Exception {
        String database = TableTestSupport.newDatabase(engine.session(), "pruning");
        table = database + ".daily";
        CatalogTable created = engine.session().catalog().createTable(engine.session().catalog().newTable(table)
                .column("id", DataType.LONG).column("amount", DataType.LONG).partitionColumn("dt", DataType.DATE).build());
        List<PartitionOutput> outputs = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            List<Object> values = List.of(FIRST_DAY.plusDays(day));
            String directory = PartitionPublisher.versionDirectory(created, values, "setup");
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_DAY; i++) {
                long id = (long) day * ROWS_PER_DAY + i;
                rows.add(new Object[] {id, id * 7 % 100});
            }
            TableTestSupport.writeParquet(engine.session().hadoopConf(), directory, "part-0.parquet", FILE_SCHEMA,
                    rows);
            outputs.add(new PartitionOutput(values, directory, ROWS_PER_DAY));
        }
        engine.session().catalog().hive().publisher().publish(TableWrite.dynamic(created.name(), "setup",
                PublishMode.APPEND,
                outputs));
        files = "'" + new org.apache.hadoop.fs.Path(created.location()).toUri().getPath() + "/*/*/*.parquet'";
    }

    @Test
    void aDateRangeReadsOnlyItsPartitionsFilteredInTheMetastore() throws Exception {
        CountingMetastoreCalls calls = countCalls();
        Dataset may = engine.session().table(table)
                .where(col("dt").between(lit(LocalDate.of(2026, 5, 1)), lit(LocalDate.of(2026, 5, 30))))
                .agg(count("*").as("n"), sum("amount").as("total"));

        List<Row> answer = may.collectAsList();

        assertThat(answer).isEqualTo(engine.duckdb()
                .query("SELECT count(*), CAST(sum(amount) AS BIGINT) FROM read_parquet(" + files
                + ", hive_partitioning = true) WHERE dt BETWEEN DATE '2026-05-01' AND DATE '2026-05-30'"));
        assertThat(calls.counts()).isEqualTo(Map.of("getTable", 1, "listPartitionsByFilter", 1,
                "getNumPartitionsByFilter", 1));
        assertThat(may.explainString()).contains("partitions: 30 of 200 (metastore filter: dt >= '2026-05-01' and "
                + "dt <= '2026-05-30')");
    }

    @Test
    void aFilterTheMetastoreCannotEvaluateIsAppliedToPartitionNamesAndOnlySurvivorsAreFetched() throws Exception {
        CountingMetastoreCalls calls = countCalls();
        Dataset some = engine.session().table(table)
                .where(col("dt").isNull().or(col("dt").isin(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 7, 4))))
                .select("id", "amount", "dt").orderBy("id");

        List<Row> answer = some.collectAsList();

        assertThat(answer).isEqualTo(engine.duckdb().query("SELECT id, amount, dt FROM read_parquet(" + files
                + ", hive_partitioning = true) WHERE dt IN (DATE '2026-03-01', DATE '2026-07-04') ORDER BY id"));
        assertThat(calls.counts()).isEqualTo(Map.of("getTable", 1, "listPartitionNames", 1, "getPartitionsByNames", 1));
        assertThat(calls.arguments("getPartitionsByNames")).containsExactly(List.of("dt=2026-03-01", "dt=2026-07-04"));
        assertThat(some.explainString()).contains("partitions: 2 of 200 (");
    }

    @Test
    void dataAndPartitionConditionsAreSplitBetweenTheFileReaderAndTheMetastore() throws Exception {
        CountingMetastoreCalls calls = countCalls();
        Dataset query = engine.session().table(table)
                .where(col("dt").geq(lit(LocalDate.of(2026, 7, 4))).and(col("amount").lt(30)))
                .groupBy("dt").agg(count("*").as("n")).orderBy("dt");

        assertThat(query.collectAsList()).isEqualTo(engine.duckdb().query("SELECT dt, count(*) FROM read_parquet("
                + files
                + ", hive_partitioning = true) WHERE dt >= DATE '2026-07-04' AND amount < 30 GROUP BY dt ORDER BY dt"));
        assertThat(calls.counts()).containsEntry("listPartitionsByFilter", 1).doesNotContainKey("listPartitionNames");
        assertThat(query.explainString()).contains("pushed=[amount < 30]").contains("partitions: 16 of 200");
    }

    /** PushFilterIntoTableScan and SelectTablePartitions only narrow what is read: switched off, the answer is the same. */
    @Test
    void theTableScanRulesSwitchedOffGiveTheSameAnswer() throws Exception {
        List<Row> expected = engine.duckdb().query("SELECT count(*), CAST(sum(amount) AS BIGINT) FROM read_parquet("
                + files
                + ", hive_partitioning = true) WHERE dt BETWEEN DATE '2026-05-01' AND DATE '2026-05-30' AND amount > 20");
        io.spindle.api.EngineSettings before = engine.session().engineSettings();
        try {
            for (java.util.Set<String> off : List.of(java.util.Set.of("PushFilterIntoTableScan"),
                    java.util.Set.of("SelectTablePartitions"),
                    java.util.Set.of("PushFilterIntoTableScan", "SelectTablePartitions"))) {
                engine.session().setEngineSettings(before.withExcludedRules(off));
                Dataset may = engine.session().table(table)
                        .where(col("dt").between(lit(LocalDate.of(2026, 5, 1)), lit(LocalDate.of(2026, 5, 30)))
                                .and(col("amount").gt(20)))
                        .agg(count("*").as("n"), sum("amount").as("total"));
                assertThat(may.collectAsList()).as("with %s off", off).isEqualTo(expected);
                assertThat(may.explainString()).as("with %s off", off).doesNotContain("partitions: 30 of 200");
            }
        } finally {
            engine.session().setEngineSettings(before);
        }
    }

    @Test
    void aQueryWithoutPartitionFilterFetchesEveryPartitionByNameWithoutAFilterCall() {
        CountingMetastoreCalls calls = countCalls();
        Dataset all = engine.session().table(table).where(col("amount").gt(50)).select("id");

        String explain = all.explainString();

        assertThat(calls.counts()).isEqualTo(Map.of("getTable", 1, "listPartitionNames", 1, "getPartitionsByNames", 1));
        assertThat(explain).contains("partitions: 200 of 200 (no predicate on partition columns)");
    }

    private static CountingMetastoreCalls countCalls() {
        CountingMetastoreCalls[] counting = new CountingMetastoreCalls[1];
        engine.session().catalog().decorateMetastoreCalls(calls -> counting[0] = new CountingMetastoreCalls(calls));
        return counting[0];
    }
}
