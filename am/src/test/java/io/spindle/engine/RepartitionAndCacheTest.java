package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static io.spindle.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.exec.StageSummary;
import io.spindle.runtime.exec.CachedBlockStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * repartition, coalesce and cache/persist/unpersist on local[2], against DuckDB. The cache budget
 * is 256 KB so a cached Dataset of a few MB keeps some blocks in memory and the rest on disk.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RepartitionAndCacheTest {
    private static final String SOURCE = "(SELECT range AS id, CASE WHEN range % 5 = 0 THEN NULL ELSE range % 97 END AS k, "
            + "range * 3 AS v FROM range(120000))";

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("repartition-cache")
            .config("spindle.cache.memoryBudget", "256k");

    private static Dataset table() {
        return engine.session().range(0, 120_000, 1, 6)
                .withColumn("k", when(col("id").mod(5).equalTo(0), lit(null)).otherwise(col("id").mod(97)))
                .withColumn("v", col("id").multiply(3));
    }

    /** The rows in id order (AssertJ's any-order comparison is quadratic). */
    private static List<Row> byId(List<Row> rows) {
        List<Row> sorted = new java.util.ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingLong(row -> row.getLong(0)));
        return sorted;
    }

    private static StageSummary lastStage() {
        List<StageSummary> stages = engine.session().stageSummaries();
        return stages.get(stages.size() - 1);
    }

    @Test
    void repartitionIntoNRunsNTasksAndKeepsEveryRow() throws Exception {
        List<Row> expected = engine.duckdb().query("SELECT id, k, v FROM " + SOURCE + " ORDER BY id");
        assertThat(byId(table().repartition(5).collectAsList())).containsExactlyElementsOf(expected);
        assertThat(lastStage().tasks()).isEqualTo(5);
        assertThat(byId(table().repartition(3, col("k")).collectAsList())).containsExactlyElementsOf(expected);
        assertThat(lastStage().tasks()).isEqualTo(3);
        assertThat(table().repartition(3, col("k")).explainString()).containsPattern("Exchange hash\\[k#\\d+\\] into 3");
    }

    @Test
    void repartitionByColumnsThenAggregateMatchesDuckDb() throws Exception {
        Dataset grouped = table().repartition(col("k")).groupBy("k").agg(count("*").as("n"), sum("v").as("s"))
                .orderBy("k");
        assertThat(grouped.collectAsList()).containsExactlyElementsOf(engine.duckdb().query(
                "SELECT k, count(*), CAST(sum(v) AS BIGINT) FROM " + SOURCE + " GROUP BY k ORDER BY k NULLS FIRST"));
    }

    @Test
    void coalesceMergesPartitionsWithoutAShuffle() throws Exception {
        Dataset coalesced = table().coalesce(2);
        assertThat(byId(coalesced.collectAsList())).containsExactlyElementsOf(
                engine.duckdb().query("SELECT id, k, v FROM " + SOURCE + " ORDER BY id"));
        assertThat(lastStage().tasks()).isEqualTo(2);
        assertThat(coalesced.explainString()).contains("Coalesce 2").doesNotContain("Exchange");
        // More partitions than the input has is a no-op, as in Spark.
        assertThat(table().coalesce(50).count()).isEqualTo(120_000);
        assertThatThrownBy(() -> table().coalesce(0)).hasMessageContaining("positive number of partitions");
        assertThatThrownBy(() -> table().repartition(-1)).hasMessageContaining("positive number of partitions");
    }

    @Test
    void aCachedDatasetRunsOnceSpillsPastItsBudgetAndStaysCorrect() throws Exception {
        long[] before = CachedBlockStore.instance().counts();
        Dataset cached = table().filter(col("id").mod(2).equalTo(0)).cache();
        assertThat(cached.isCached()).isTrue();
        assertThat(cached.cacheMaterializations()).isZero();
        // explain alone plans without computing the cache, as in Spark
        assertThat(cached.groupBy("k").count().explainString()).contains("computed on first use");
        assertThat(cached.cacheMaterializations()).isZero();

        assertThat(cached.count()).isEqualTo(60_000);
        Dataset perKey = cached.groupBy("k").agg(count("*").as("n"), sum("v").as("s")).orderBy("k");
        List<Row> expected = engine.duckdb().query("SELECT k, count(*), CAST(sum(v) AS BIGINT) FROM " + SOURCE
                + " WHERE id % 2 = 0 GROUP BY k ORDER BY k NULLS FIRST");
        assertThat(perKey.collectAsList()).containsExactlyElementsOf(expected);
        assertThat(cached.cacheMaterializations()).isEqualTo(1);
        assertThat(perKey.explainString()).contains("CachedScan");

        long[] after = CachedBlockStore.instance().counts();
        assertThat(after[0] - before[0]).as("blocks kept in memory").isPositive();
        assertThat(after[1] - before[1]).as("blocks spilled to disk past the 256k budget").isPositive();
        assertThat(CachedBlockStore.instance().memoryBytes()).isLessThanOrEqualTo(256 * 1024);

        // Losing every block (a replaced executor): readers recompute them from the recipe.
        CachedBlockStore.instance().clear();
        assertThat(perKey.collectAsList()).containsExactlyElementsOf(expected);
        assertThat(CachedBlockStore.instance().counts()[2]).isGreaterThan(after[2]);
        assertThat(cached.cacheMaterializations()).isEqualTo(1);

        cached.unpersist();
        assertThat(cached.isCached()).isFalse();
        assertThat(perKey.explainString()).doesNotContain("CachedScan");
        assertThat(perKey.collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void aCachedShuffleOutputIsReadByLaterJoinsAndTake() throws Exception {
        Dataset totals = table().groupBy("k").agg(sum("v").as("s")).persist();
        Dataset joined = table().join(totals, List.of("k"), "inner").groupBy("k").agg(count("*").as("n"),
                sum("s").as("t")).orderBy("k");
        assertThat(joined.collectAsList()).containsExactlyElementsOf(engine.duckdb().query(
                "SELECT a.k, count(*), CAST(sum(b.s) AS BIGINT) FROM " + SOURCE + " a JOIN (SELECT k, sum(v) AS s FROM "
                        + SOURCE + " GROUP BY k) b ON a.k = b.k GROUP BY a.k ORDER BY a.k"));
        assertThat(totals.orderBy("k").take(3)).containsExactlyElementsOf(engine.duckdb().query(
                "SELECT k, CAST(sum(v) AS BIGINT) FROM " + SOURCE + " GROUP BY k ORDER BY k NULLS FIRST LIMIT 3"));
        assertThat(totals.cacheMaterializations()).isEqualTo(1);
        totals.unpersist();
    }
}
