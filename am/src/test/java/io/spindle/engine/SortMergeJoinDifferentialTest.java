package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static io.spindle.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.runtime.exec.SortMergeJoinMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sort-merge join (spindle.sql.join.preferSortMergeJoin) on local[2] against DuckDB: every join
 * type over many-to-many keys with NULL keys and runs of equal keys longer than a batch, a residual
 * condition, empty sides, a hot key on both sides, and inputs far over the task budget (both sorts
 * spill).
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = TimeUnit.SECONDS)
class SortMergeJoinDifferentialTest {
    private static final String LEFT_SQL = "(SELECT range AS id, CASE WHEN range % 13 = 0 THEN NULL "
            + "WHEN range % 4 = 0 THEN 0 ELSE range % 997 END AS k FROM range(40000))";
    private static final String RIGHT_SQL = "(SELECT range AS rid, CASE WHEN range % 17 = 0 THEN NULL "
            + "WHEN range % 50 = 0 THEN 0 ELSE range % 1499 END AS rk FROM range(12000))";

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("sort-merge-join");

    private static void preferSortMerge() {
        engine.adjust(s -> s.withBroadcastThreshold(0).withPreferSortMergeJoin(true));
    }

    private static Dataset left() {
        return engine.session().range(0, 40_000, 1, 3).withColumn("k", when(col("id").mod(13).equalTo(0), lit(null))
                .when(col("id").mod(4).equalTo(0), lit(0L)).otherwise(col("id").mod(997)));
    }

    private static Dataset right() {
        return engine.session().range(0, 12_000, 1, 2).withColumnRenamed("id", "rid")
                .withColumn("rk", when(col("rid").mod(17).equalTo(0), lit(null))
                        .when(col("rid").mod(50).equalTo(0), lit(0L)).otherwise(col("rid").mod(1499)));
    }

    @ParameterizedTest
    @CsvSource({"inner,INNER", "left,LEFT", "right,RIGHT", "full,FULL"})
    void outerAndInnerJoinsMatchDuckDb(String type, String sqlType) throws Exception {
        preferSortMerge();
        Dataset joined = left().join(right(), col("k").equalTo(col("rk")), type);
        assertThat(joined.explainString()).contains("SortMergeJoin").doesNotContain("HashJoin");
        Dataset summary = joined.withColumn("key", io.spindle.api.functions.coalesce(col("k"), col("rk")))
                .groupBy("key").agg(count("*").as("n"), sum("id").as("ids"), sum("rid").as("rids")).orderBy("key");
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT coalesce(k, rk) AS key, "
                + "count(*), CAST(sum(id) AS BIGINT), CAST(sum(rid) AS BIGINT) FROM " + LEFT_SQL + " " + sqlType
                + " JOIN " + RIGHT_SQL + " ON k = rk GROUP BY 1 ORDER BY 1 NULLS FIRST"));
    }

    @ParameterizedTest
    @CsvSource({"left_semi,SEMI", "left_anti,ANTI"})
    void semiAndAntiJoinsMatchDuckDb(String type, String sqlType) throws Exception {
        preferSortMerge();
        Dataset joined = left().join(right(), col("k").equalTo(col("rk")).and(col("rid").mod(3).equalTo(0)), type);
        Dataset summary = joined.groupBy("k").agg(count("*").as("n"), sum("id").as("ids")).orderBy("k");
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT k, count(*), "
                + "CAST(sum(id) AS BIGINT) FROM " + LEFT_SQL + " " + sqlType + " JOIN " + RIGHT_SQL
                + " ON k = rk AND rid % 3 = 0 GROUP BY k ORDER BY k NULLS FIRST"));
    }

    @Test
    void aResidualConditionAndEmptySidesMatchDuckDb() throws Exception {
        preferSortMerge();
        Dataset joined = left().join(right(), col("k").equalTo(col("rk")).and(col("id").gt(col("rid"))), "full");
        Dataset summary = joined.agg(count("*").as("n"), count("id").as("lefts"), count("rid").as("rights"),
                sum("id").as("ids"));
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT count(*), count(id), "
                + "count(rid), CAST(sum(id) AS BIGINT) FROM " + LEFT_SQL + " FULL JOIN " + RIGHT_SQL
                + " ON k = rk AND id > rid"));
        Dataset none = right().filter(col("rid").lt(0));
        for (String type : List.of("inner", "left", "right", "full", "left_semi", "left_anti")) {
            long expected = type.equals("left") || type.equals("full") || type.equals("left_anti") ? 40_000 : 0;
            assertThat(left().join(none, col("k").equalTo(col("rk")), type).count()).as(type).isEqualTo(expected);
            assertThat(none.join(left(), col("rk").equalTo(col("k")), type).count()).as(type)
                    .isEqualTo(type.equals("right") || type.equals("full") ? 40_000 : 0);
        }
    }

    @Test
    void joinsOverTenTimesTheBudgetSpillBothSortsAndMatch() throws Exception {
        preferSortMerge();
        engine.adjust(s -> s.withTaskMemoryBytes(256L << 10));
        long runs = SortMergeJoinMetrics.spilledRuns();
        long n = 300_000; // two longs per row per side: ~5 MB a side through a 256 KB budget
        Dataset a = engine.session().range(0, n, 1, 2).withColumn("v", col("id").multiply(lit(3L)));
        Dataset b = engine.session().range(0, n, 1, 2).withColumnRenamed("id", "bid").withColumn("w", col("bid")
                .mod(7));
        List<Row> actual = a.join(b, col("id").equalTo(col("bid"))).agg(count("*"), sum("v"), sum("w")).collectAsList();
        assertThat(actual).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT count(*), CAST(sum(range * 3) AS BIGINT), "
                + "CAST(sum(range % 7) AS BIGINT) FROM range(" + n + ")"));
        assertThat(SortMergeJoinMetrics.spilledRuns()).as("sort runs spilled by sort-merge joins").isGreaterThan(runs);
    }
}
