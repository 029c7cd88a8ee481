package io.spindle.engine;

import static io.spindle.api.functions.avg;
import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lag;
import static io.spindle.api.functions.lead;
import static io.spindle.api.functions.max;
import static io.spindle.api.functions.min;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Window;
import io.spindle.api.WindowSpec;
import io.spindle.runtime.exec.WindowOperator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * avg, sum, count, min and max over windows on local[2] against DuckDB: running (with an order:
 * Spark's default frame RANGE UNBOUNDED PRECEDING .. CURRENT ROW, so peers are included) and over
 * the whole partition (no order), with NULL arguments, a NULL partition key, a skewed partition and
 * empty input; then a window partition and peer groups over ten times the task budget, which spill.
 * avg follows Spark: double for long arguments, decimal(p+4, s+4) rounded half up for decimals
 * (DuckDB answers doubles there, so the expected avg is its exact sum over its count).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WindowAggregatesDifferentialTest {
    private static final int ROWS = 30_000;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("window-aggregates");

    private static Dataset events(long rows) {
        return WindowEvents.dataset(engine.session(), rows);
    }

    private static Dataset aggregates(Dataset events, WindowSpec window) {
        return events.select(col("id"), avg("ts").over(window).as("avg_ts"), avg("amount").over(window).as("avg_amount"),
                sum("amount").over(window).as("sum_amount"), count("*").over(window).as("n"),
                count("amount").over(window).as("n_amount"), min(col("amount")).over(window).as("lo"),
                max(col("ts")).over(window).as("hi")).orderBy("id");
    }

    /** The expected rows from DuckDB's sums and counts over {@code window} (SQL). */
    private static List<Row> expected(String window, long rows, String filter) throws Exception {
        List<Row> raw = engine.duckdb()
                .query("SELECT id, CAST(sum(ts) OVER w AS BIGINT), count(ts) OVER w, sum(amount) OVER w, "
                + "count(*) OVER w, count(amount) OVER w, min(amount) OVER w, max(ts) OVER w FROM "
                + WindowEvents.sql(rows) + " WINDOW w AS (" + window + ") " + filter + " ORDER BY id");
        List<Row> expected = new ArrayList<>();
        for (Row row : raw) {
            long tsCount = row.getLong(2);
            BigDecimal amountSum = row.getDecimal(3);
            long amountCount = row.getLong(5);
            expected.add(Row.of(row.get(0), tsCount == 0 ? null : (double) row.getLong(1) / tsCount,
                    amountCount == 0 ? null : amountSum.divide(BigDecimal.valueOf(amountCount), 6, RoundingMode.HALF_UP),
                    amountSum, row.get(4), row.get(5), row.get(6), row.get(7)));
        }
        return expected;
    }

    @Test
    void runningAggregatesIncludePeers() throws Exception {
        List<Row> actual = aggregates(events(ROWS), Window.partitionBy("u").orderBy("ts")).collectAsList();
        List<Row> expected = expected("PARTITION BY u ORDER BY ts NULLS FIRST", ROWS, "");
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(row -> row.get(2) == null); // a frame of NULL amounts only: NULL avg
    }

    @Test
    void withoutAnOrderEveryRowGetsItsWholePartition() throws Exception {
        List<Row> actual = aggregates(events(ROWS), Window.partitionBy("u")).collectAsList();
        assertThat(actual).containsExactlyElementsOf(expected("PARTITION BY u", ROWS, ""));
        List<Row> descending = aggregates(events(ROWS), Window.partitionBy("u").orderBy(col("ts").desc()))
                .collectAsList();
        assertThat(descending).containsExactlyElementsOf(expected("PARTITION BY u ORDER BY ts DESC NULLS LAST", ROWS,
                ""));
    }

    @Test
    void emptyInputGivesNoRows() {
        assertThat(aggregates(events(100).filter(col("id").lt(0)), Window.partitionBy("u")).collectAsList()).isEmpty();
        assertThat(aggregates(events(100).filter(col("id").lt(0)), Window.partitionBy("u").orderBy("ts"))
                .collectAsList()).isEmpty();
    }

    @Test
    void aWholePartitionOverTenTimesTheBudgetSpillsAndMatchesDuckDb() throws Exception {
        engine.adjust(s -> s.withTaskMemoryBytes(256L << 10));
        long rows = 200_000; // partition u = 0 holds 60%: ~120k rows x 4 columns, over 3 MB
        long before = WindowOperator.spilledGroupChunks();
        List<Row> actual = aggregates(events(rows), Window.partitionBy("u")).filter(col("id").mod(97).equalTo(0))
                .collectAsList();
        assertThat(actual).containsExactlyElementsOf(expected("PARTITION BY u", rows, "QUALIFY id % 97 = 0"));
        assertThat(WindowOperator.spilledGroupChunks()).as("chunks of a whole partition spilled").isGreaterThan(before);
    }

    @Test
    void bigPeerGroupsWithLagAndLeadSpillAndMatchDuckDb() throws Exception {
        engine.adjust(s -> s.withTaskMemoryBytes(256L << 10));
        long rows = 200_000;
        long before = WindowOperator.spilledGroupChunks();
        WindowSpec byBucket = Window.partitionBy("u").orderBy(col("bucket"));
        Dataset windowed = events(rows).withColumn("bucket", col("ts").mod(3)).select(col("id"),
                sum("ts").over(byBucket).as("s"), avg("amount").over(byBucket).as("a"),
                count("*").over(byBucket).as("n"), lag(col("bucket"), 2).over(byBucket).as("back"),
                lead(col("bucket"), 3, -1L).over(byBucket).as("ahead"));
        // Aggregates are the same for every peer: compared row by row.
        List<Row> actual = windowed.filter(col("id").mod(89).equalTo(0)).select("id", "s", "a", "n").orderBy("id")
                .collectAsList();
        String window = " WINDOW w AS (PARTITION BY u ORDER BY ts % 3) ";
        List<Row> raw = engine.duckdb().query("SELECT id, CAST(sum(ts) OVER w AS BIGINT), sum(amount) OVER w, "
                + "count(amount) OVER w, count(*) OVER w FROM " + WindowEvents.sql(rows) + window
                + "QUALIFY id % 89 = 0 ORDER BY id");
        List<Row> expected = new ArrayList<>();
        for (Row row : raw) {
            long amountCount = row.getLong(3);
            expected.add(Row.of(row.get(0), row.get(1), amountCount == 0 ? null
                    : row.getDecimal(2).divide(BigDecimal.valueOf(amountCount), 6, RoundingMode.HALF_UP),
                    row.get(4)));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        // Which peer a lag or lead lands on depends on the order among ties, but a partition's multiset
        // of lag/lead values does not: compared per partition.
        Dataset offsets = windowed.join(events(rows).select(col("id").as("eid"), col("u")),
                col("id").equalTo(col("eid"))).groupBy("u").agg(count("back").as("backs"), sum("back").as("back_sum"),
                sum("ahead").as("ahead_sum")).orderBy("u");
        assertThat(offsets.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT u, count(back), "
                + "CAST(sum(back) AS BIGINT), CAST(sum(ahead) AS BIGINT) FROM (SELECT u, lag(ts % 3, 2) OVER w AS back, "
                + "lead(ts % 3, 3, -1) OVER w AS ahead FROM " + WindowEvents.sql(rows) + window + ") GROUP BY u "
                + "ORDER BY u NULLS FIRST"));
        assertThat(WindowOperator.spilledGroupChunks()).as("chunks of open peer groups spilled").isGreaterThan(before);
    }
}
