package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.dense_rank;
import static io.spindle.api.functions.lag;
import static io.spindle.api.functions.lead;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.max;
import static io.spindle.api.functions.min;
import static io.spindle.api.functions.rank;
import static io.spindle.api.functions.row_number;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.EngineSettings;
import io.spindle.api.Row;
import io.spindle.api.Window;
import io.spindle.api.WindowSpec;
import io.spindle.plan.analysis.AnalysisException;
import io.spindle.runtime.exec.WindowOperator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Window functions on local[2] against DuckDB's: ranking with ties, lag/lead with defaults across
 * partition edges, running aggregates over Spark's default RANGE frame (peers included), NULL
 * partition and order keys, a skewed partition, no partition keys, empty input, and a window over
 * far more data than the task budget (the sort spills).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WindowDifferentialTest {
    private static final int ROWS = 30_000;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("window-differential");

    private static Dataset events(long rows) {
        return WindowEvents.dataset(engine.session(), rows);
    }

    @Test
    void rankingFunctionsMatchDuckDb() throws Exception {
        WindowSpec byTs = Window.partitionBy("u").orderBy(col("ts"));
        Dataset actual = events(ROWS).select(col("id"),
                row_number().over(Window.partitionBy("u").orderBy(col("ts").desc(), col("id"))).as("rn"),
                rank().over(byTs).as("r"), dense_rank().over(byTs).as("dr")).orderBy("id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT id, "
                + "CAST(row_number() OVER (PARTITION BY u ORDER BY ts DESC NULLS LAST, id) AS INTEGER), "
                + "CAST(rank() OVER (PARTITION BY u ORDER BY ts NULLS FIRST) AS INTEGER), "
                + "CAST(dense_rank() OVER (PARTITION BY u ORDER BY ts NULLS FIRST) AS INTEGER) FROM "
                + WindowEvents.sql(ROWS) + " ORDER BY id"));
    }

    @Test
    void lagAndLeadMatchDuckDb() throws Exception {
        WindowSpec window = Window.partitionBy("u").orderBy("ts", "id");
        Dataset actual = events(ROWS).select(col("id"), lag(col("amount"), 1).over(window).as("prev"),
                lead(col("amount"), 2, 0).over(window).as("next2"), lag(col("ts"), 3, -1L).over(window).as("ts3"),
                lead(col("id"), 0).over(window).as("self")).orderBy("id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT id, "
                + "lag(amount, 1) OVER w, lead(amount, 2, 0) OVER w, lag(ts, 3, -1) OVER w, lead(id, 0) OVER w FROM "
                + WindowEvents.sql(ROWS) + " WINDOW w AS (PARTITION BY u ORDER BY ts NULLS FIRST, id) ORDER BY id"));
    }

    @Test
    void runningAggregatesIncludePeersAsSparksRangeFrame() throws Exception {
        WindowSpec running = Window.partitionBy("u").orderBy("ts");
        Dataset actual = events(ROWS).select(col("id"), sum("amount").over(running).as("running"),
                count("*").over(running).as("n"), min(col("amount")).over(running).as("lo"),
                max(col("ts")).over(Window.partitionBy("u").orderBy(col("ts").desc())).as("hi"),
                sum("amount").over(Window.partitionBy("u").orderBy("id")).minus(col("amount")).as("before"))
                .orderBy("id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT id, "
                + "sum(amount) OVER (PARTITION BY u ORDER BY ts NULLS FIRST), "
                + "count(*) OVER (PARTITION BY u ORDER BY ts NULLS FIRST), "
                + "min(amount) OVER (PARTITION BY u ORDER BY ts NULLS FIRST), "
                + "max(ts) OVER (PARTITION BY u ORDER BY ts DESC NULLS LAST), "
                + "sum(amount) OVER (PARTITION BY u ORDER BY id) - amount FROM "
                + WindowEvents.sql(ROWS) + " ORDER BY id"));
    }

    @Test
    void withoutPartitionKeysOneWindowSpansAllRowsAndEmptyInputGivesNothing() throws Exception {
        Dataset global = events(2_000).withColumn("rn", row_number().over(Window.orderBy(col("id").desc())))
                .withColumn("total", sum("ts").over(Window.orderBy(lit(1))))
                .select("id", "rn", "total").orderBy("id");
        assertThat(global.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT range, "
                + "CAST(row_number() OVER (ORDER BY range DESC) AS INTEGER), "
                + "CAST(sum(range % 500) OVER () AS BIGINT) FROM range(2000) ORDER BY range"));
        assertThat(global.explainString()).contains("Window").contains("Exchange single");
        assertThat(events(100).filter(col("id").lt(0)).select(col("id"),
                rank().over(Window.partitionBy("u").orderBy("ts"))).collectAsList()).isEmpty();
    }

    @Test
    void aWindowOverTenTimesTheTaskBudgetSpillsAndMatchesDuckDb() throws Exception {
        EngineSettings original = engine.session().engineSettings();
        engine.session().setEngineSettings(original.withTaskMemoryBytes(1L << 20));
        try {
            long spilledBefore = WindowOperator.spilledRuns();
            long rows = 400_000; // ~4 columns x 8 bytes: over 12 MB through a 1 MB budget
            Dataset windowed = events(rows).select(col("u"),
                    row_number().over(Window.partitionBy("u").orderBy("id")).as("rn"),
                    sum("ts").over(Window.partitionBy("u").orderBy("id")).as("running"));
            Dataset summary = windowed.groupBy("u").agg(max("rn").as("rows"), sum("running").as("s")).orderBy("u");
            String source = WindowEvents.sql(rows);
            assertThat(summary.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT u, "
                    + "CAST(max(rn) AS INTEGER), CAST(sum(running) AS BIGINT) FROM (SELECT u, "
                    + "row_number() OVER (PARTITION BY u ORDER BY id) AS rn, "
                    + "sum(ts) OVER (PARTITION BY u ORDER BY id) AS running FROM " + source + ") "
                    + "GROUP BY u ORDER BY u NULLS FIRST"));
            assertThat(WindowOperator.spilledRuns()).as("sort runs spilled by window operators")
                    .isGreaterThan(spilledBefore);
        } finally {
            engine.session().setEngineSettings(original);
        }
    }

    @Test
    void misuseFailsAtAnalysisNamingTheFix() {
        assertThatThrownBy(() -> events(10).select(row_number()))
                .isInstanceOf(AnalysisException.class).hasMessageContaining(".over(Window");
        assertThatThrownBy(() -> events(10).select(rank().over(Window.partitionBy("u"))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("needs an ordered window");
        assertThatThrownBy(() -> events(10).filter(row_number().over(Window.orderBy("id")).equalTo(1)))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("only allowed in select()");
        assertThatThrownBy(() -> events(10).select(io.spindle.api.functions.countDistinct("ts")
                .over(Window.orderBy("id"))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("use sum, avg, count, min or max");
        assertThatThrownBy(() -> events(10).select(row_number().over(Window.orderBy("nope"))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("nope");
    }
}
