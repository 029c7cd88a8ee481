package io.spindle.engine;

import static io.spindle.api.functions.coalesce;
import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static io.spindle.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Column;
import io.spindle.api.Dataset;
import io.spindle.runtime.exec.SortMergeJoinMetrics;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sort-merge join whose one hot key has a run of right rows over ten times the task budget
 * (about 190k rows, ~3.4 MB, through a 256 KB budget): for every join type the run is charged to
 * the budget and spills to local disk instead of failing, and the answer matches DuckDB's. Keys
 * include NULLs on both sides. The sort-merge join is chosen by size here (the build side per
 * partition is over half the budget), not by spindle.sql.join.preferSortMergeJoin.
 */
@org.junit.jupiter.api.Timeout(value = 300, unit = TimeUnit.SECONDS)
class SortMergeJoinHotKeySpillTest {
    private static final long LEFT_ROWS = 20_000;
    private static final long RIGHT_ROWS = 220_000;
    private static final String LEFT_SQL = "(SELECT range AS id, CASE WHEN range % 13 = 0 THEN NULL "
            + "WHEN range % 4000 = 7 THEN 0 ELSE range % 997 + 1 END AS k FROM range(" + LEFT_ROWS + "))";
    private static final String RIGHT_SQL = "(SELECT range AS rid, CASE WHEN range % 17 = 0 THEN NULL "
            + "WHEN range % 11 <> 0 THEN 0 ELSE range % 1499 + 1 END AS rk FROM range(" + RIGHT_ROWS + "))";

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("smj-hot-key")
            .settings(s -> s.withBroadcastThreshold(0).withTaskMemoryBytes(256L << 10));

    private static Dataset left() {
        return engine.session().range(0, LEFT_ROWS, 1, 2).withColumn("k", when(col("id").mod(13).equalTo(0), lit(null))
                .when(col("id").mod(4000).equalTo(7), lit(0L)).otherwise(col("id").mod(997).plus(lit(1L))));
    }

    private static Dataset right() {
        return engine.session().range(0, RIGHT_ROWS, 1, 2).withColumnRenamed("id", "rid")
                .withColumn("rk", when(col("rid").mod(17).equalTo(0), lit(null))
                        .when(col("rid").mod(11).notEqual(0), lit(0L)).otherwise(col("rid").mod(1499).plus(lit(1L))));
    }

    @ParameterizedTest
    @CsvSource({"inner,INNER,false", "left,LEFT,false", "right,RIGHT,false", "full,FULL,false", "full,FULL,true",
            "inner,INNER,true"})
    void aHotKeyRunOverTenTimesTheBudgetSpillsAndMatchesDuckDb(String type, String sqlType, boolean residual)
            throws Exception {
        Column condition = col("k").equalTo(col("rk"));
        String sqlCondition = "k = rk";
        if (residual) {
            condition = condition.and(col("rid").mod(7).equalTo(col("id").mod(7)));
            sqlCondition += " AND rid % 7 = id % 7";
        }
        Dataset joined = left().join(right(), condition, type);
        assertThat(joined.explainString()).contains("SortMergeJoin").doesNotContain("HashJoin")
                .contains("build side per partition over half the task budget");
        long spilledBefore = SortMergeJoinMetrics.spilledKeyRunChunks();
        Dataset summary = joined.withColumn("key", coalesce(col("k"), col("rk")))
                .groupBy("key").agg(count("*").as("n"), sum("id").as("ids"), sum("rid").as("rids")).orderBy("key");
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT coalesce(k, rk) AS key, "
                + "count(*), CAST(sum(id) AS BIGINT), CAST(sum(rid) AS BIGINT) FROM " + LEFT_SQL + " " + sqlType
                + " JOIN " + RIGHT_SQL + " ON " + sqlCondition + " GROUP BY 1 ORDER BY 1 NULLS FIRST"));
        assertThat(SortMergeJoinMetrics.spilledKeyRunChunks()).as("chunks of the hot key's run spilled")
                .isGreaterThan(spilledBefore);
    }

    @ParameterizedTest
    @CsvSource({"left_semi,SEMI", "left_anti,ANTI"})
    void semiAndAntiJoinsOverASpilledHotKeyRunMatchDuckDb(String type, String sqlType) throws Exception {
        long spilledBefore = SortMergeJoinMetrics.spilledKeyRunChunks();
        Dataset joined = left().join(right(), col("k").equalTo(col("rk")).and(col("rid").gt(
                col("id").multiply(lit(20L)))), type);
        assertThat(joined.explainString()).contains("SortMergeJoin " + type).doesNotContain("HashJoin");
        Dataset summary = joined.groupBy("k").agg(count("*").as("n"), sum("id").as("ids")).orderBy("k");
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT k, count(*), "
                + "CAST(sum(id) AS BIGINT) FROM " + LEFT_SQL + " " + sqlType + " JOIN " + RIGHT_SQL
                + " ON k = rk AND rid > id * 20 GROUP BY k ORDER BY k NULLS FIRST"));
        assertThat(SortMergeJoinMetrics.spilledKeyRunChunks()).isGreaterThan(spilledBefore);
    }
}
