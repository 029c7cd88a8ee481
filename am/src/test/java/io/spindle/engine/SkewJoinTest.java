package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.concat;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static io.spindle.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adaptive skew split of shuffled joins on local[2], against DuckDB: 80% of the events share
 * key 0, so its reduce partition is far over the median; it is read by several tasks by map
 * ranges where the join type allows (explain says so after the run), and never where it does not.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SkewJoinTest {
    private static final int EVENTS = 200_000;
    private static final String EVENTS_SQL = "(SELECT range AS id, CASE WHEN range % 5 = 4 THEN range % 500 ELSE 0 END "
            + "AS k FROM range(" + EVENTS + "))";
    private static final String DIMS_SQL = "(SELECT range AS k, 'name-' || CAST(range AS VARCHAR) AS name FROM range(1, 600))";

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("skew-join")
            .config("spindle.shuffle.skewedPartitionThreshold", "32k")
            .settings(s -> s.withBroadcastThreshold(0).withTargetPartitionBytes(64 << 10));

    private static Dataset events() {
        return engine.session().range(0, EVENTS, 1, 8)
                .withColumn("k", when(col("id").mod(5).equalTo(4), col("id").mod(500)).otherwise(lit(0L)));
    }

    private static Dataset dims() {
        return engine.session().range(1, 600).withColumnRenamed("id", "k").withColumn("name", concat(lit("name-"),
                col("k")));
    }

    private static List<Row> expected(String joinType, String left, String right) throws Exception {
        return engine.duckdb()
                .query("SELECT coalesce(a.k, b.k) AS key, count(*), CAST(sum(a.id) AS BIGINT), count(b.name) FROM "
                + left + " a " + joinType + " JOIN " + right + " b ON a.k = b.k GROUP BY 1 ORDER BY 1 NULLS FIRST");
    }

    private static Dataset summarize(Dataset joined) {
        return joined.groupBy(io.spindle.api.functions.coalesce(col("ek"), col("dk")).as("key"))
                .agg(count("*").as("n"), sum("id").as("ids"), count("name").as("names")).orderBy("key");
    }

    @Test
    void anInnerAndALeftJoinSplitTheSkewedLeftPartition() throws Exception {
        for (String type : List.of("inner", "left")) {
            Dataset joined = events().withColumnRenamed("k", "ek")
                    .join(dims().withColumnRenamed("k", "dk"), col("ek").equalTo(col("dk")), type);
            Dataset summary = summarize(joined);
            assertThat(summary.collectAsList()).as(type)
                    .containsExactlyElementsOf(expected(type.equals("inner") ? "INNER" : "LEFT", EVENTS_SQL, DIMS_SQL));
            assertThat(summary.explainString()).as(type).contains("== Adaptive decisions (last run) ==")
                    .containsPattern("skewed partition \\d+ of the left side of ShuffledHashJoin")
                    .containsPattern("split into \\d+ tasks by map ranges");
        }
    }

    @Test
    void aRightJoinSplitsItsSkewedRightSide() throws Exception {
        Dataset joined = dims().withColumnRenamed("k", "dk")
                .join(events().withColumnRenamed("k", "ek"), col("dk").equalTo(col("ek")), "right");
        Dataset summary = summarize(joined);
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT coalesce(b.k, a.k), "
                + "count(*), CAST(sum(b.id) AS BIGINT), count(a.name) FROM " + DIMS_SQL + " a RIGHT JOIN " + EVENTS_SQL
                + " b ON a.k = b.k GROUP BY 1 ORDER BY 1 NULLS FIRST"));
        assertThat(summary.explainString()).containsPattern("skewed partition \\d+ of the right side");
    }

    @Test
    void aFullJoinIsNeverSplitAndStaysCorrect() throws Exception {
        Dataset joined = events().withColumnRenamed("k", "ek")
                .join(dims().withColumnRenamed("k", "dk"), col("ek").equalTo(col("dk")), "full");
        Dataset summary = summarize(joined);
        assertThat(summary.collectAsList()).containsExactlyElementsOf(expected("FULL", EVENTS_SQL, DIMS_SQL));
        assertThat(summary.explainString()).doesNotContain("skewed partition");
    }

    /** Both shuffled joins of one stage (a union of two joins) split their skewed partitions. */
    @Test
    void everyShuffledJoinOfAStageIsSplit() throws Exception {
        Dataset inner = events().withColumnRenamed("k", "ek")
                .join(dims().withColumnRenamed("k", "dk"), col("ek").equalTo(col("dk")), "inner");
        Dataset left = events().withColumnRenamed("k", "ek")
                .join(dims().withColumnRenamed("k", "dk"), col("ek").equalTo(col("dk")), "left");
        Dataset summary = summarize(inner.union(left));
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT key, count(*), "
                + "CAST(sum(id) AS BIGINT), count(name) FROM (SELECT coalesce(a.k, b.k) AS key, a.id, b.name FROM "
                + EVENTS_SQL + " a INNER JOIN " + DIMS_SQL + " b ON a.k = b.k UNION ALL SELECT coalesce(a.k, b.k), a.id, "
                + "b.name FROM " + EVENTS_SQL + " a LEFT JOIN " + DIMS_SQL + " b ON a.k = b.k) GROUP BY 1 "
                + "ORDER BY 1 NULLS FIRST"));
        String explain = summary.explainString();
        assertThat(explain).containsPattern("skewed partition \\d+ of the left side of ShuffledHashJoin inner")
                .containsPattern("skewed partition \\d+ of the left side of ShuffledHashJoin left_outer");
        java.util.regex.Matcher stages = java.util.regex.Pattern.compile("Stage (\\d+): skewed").matcher(explain);
        java.util.Set<String> splitStages = new java.util.HashSet<>();
        while (stages.find()) {
            splitStages.add(stages.group(1));
        }
        assertThat(splitStages).as("both splits are decisions of one stage").hasSize(1);
    }

    /**
     * A window by the join key shares the join's stage (its input is already partitioned by that
     * key); splitting its skewed input would give each task part of a window partition (row
     * numbers restarting in every piece), so it is not split, and the answer stays DuckDB's.
     */
    @Test
    void aWindowOverTheSkewedInputBlocksTheSplitAndStaysCorrect() throws Exception {
        Dataset numbered = events().withColumn("rn", io.spindle.api.functions.row_number()
                .over(io.spindle.api.Window.partitionBy("k").orderBy("id")));
        Dataset joined = numbered.join(dims().withColumnRenamed("k", "dk"), col("k").equalTo(col("dk")), "inner");
        Dataset summary = joined.groupBy("k").agg(count("*").as("n"), sum("rn").as("rns"),
                io.spindle.api.functions.max("rn").as("top")).orderBy("k");
        assertThat(summary.explainString()).doesNotContainPattern("Exchange hash\\[k#\\d+\\]\\n\\s*[:+|\\s-]*Window");
        assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT a.k, count(*), "
                + "CAST(sum(rn) AS BIGINT), CAST(max(rn) AS INTEGER) FROM (SELECT *, row_number() OVER (PARTITION BY k "
                + "ORDER BY id) AS rn FROM " + EVENTS_SQL + ") a JOIN " + DIMS_SQL + " b ON a.k = b.k GROUP BY a.k "
                + "ORDER BY a.k"));
        assertThat(summary.explainString()).doesNotContain("skewed partition");
    }
}
