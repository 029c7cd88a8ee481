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
import io.spindle.plan.analysis.AnalysisException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on local[2] — Parquet scan, filters, partial and final aggregation through the
 * shuffle, sort — comparing whole results with DuckDB on the same Parquet files. DuckDB differs
 * from Spark on avg(decimal) (it returns doubles) and on decimal multiplication beyond 38 digits,
 * so its SQL returns exact sums and counts and the test derives Spark's values from them.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EngineDifferentialTest {
    private static final long ROWS = 300_000;

    @TempDir
    static Path directory;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("engine-differential");
    private static String files;

    @BeforeAll
    static void setUp() throws Exception {
        Path data = directory.resolve("lineitem");
        java.nio.file.Files.createDirectories(data);
        Lineitem.write(data, ROWS, 4, 42);
        files = "read_parquet('" + data + "/*.parquet')";
    }

    private static Dataset lineitem() {
        return engine.session().read().parquet(directory.resolve("lineitem").toString());
    }

    @Test
    void tpchQ1MatchesDuckDb() throws Exception {
        List<Row> actual = TpchQueries.q1(lineitem()).collectAsList();
        List<Row> sums = engine.duckdb()
                .query("SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), "
                + "sum(CAST(l_extendedprice * 100 AS HUGEINT) * CAST((1 - l_discount) * 100 AS HUGEINT)), "
                + "sum(CAST(l_extendedprice * 100 AS HUGEINT) * CAST((1 - l_discount) * 100 AS HUGEINT) "
                + "    * CAST((1 + l_tax) * 100 AS HUGEINT)), "
                + "count(l_quantity), sum(l_discount), count(*) FROM " + files
                + " WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus "
                + "ORDER BY l_returnflag NULLS FIRST, l_linestatus NULLS FIRST");
        List<Row> expected = new ArrayList<>();
        for (Row row : sums) {
            long count = row.getLong(8);
            expected.add(Row.of(row.get(0), row.get(1), row.getDecimal(2).setScale(2), row.getDecimal(3).setScale(2),
                    new BigDecimal((BigInteger) row.get(4), 4), new BigDecimal((BigInteger) row.get(5), 6),
                    average(row.getDecimal(2), row.getLong(6)), average(row.getDecimal(3), row.getLong(6)),
                    average(row.getDecimal(7), row.getLong(6)), count));
        }
        assertThat(expected).hasSizeGreaterThan(6); // both flags, with a NULL flag group
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** Spark's avg(decimal(15,2)): decimal(19,6), sum / count rounded half up. */
    private static BigDecimal average(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP);
    }

    @Test
    void tpchQ6MatchesDuckDb() throws Exception {
        List<Row> expected = engine.duckdb()
                .query("SELECT CAST(sum(l_extendedprice * l_discount) AS DECIMAL(38,4)) FROM "
                + files + " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' "
                + "AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24");
        assertThat(TpchQueries.q6(lineitem()).collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void groupByOnASkewedKeyMatchesDuckDb() throws Exception {
        Dataset skewed = engine.session().range(200_000)
                .withColumn("k", when(col("id").mod(10).lt(9), lit(0L)).otherwise(col("id")))
                .groupBy("k").agg(count("*").as("n"), sum("id").as("total"))
                .orderBy(col("n").desc(), col("k"));
        List<Row> expected = engine.duckdb()
                .query("SELECT k, count(*), CAST(sum(id) AS BIGINT) FROM (SELECT range AS id, "
                + "CASE WHEN range % 10 < 9 THEN 0 ELSE range END AS k FROM range(200000)) GROUP BY k "
                + "ORDER BY count(*) DESC, k NULLS FIRST");
        assertThat(skewed.collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void emptyInputGivesNoGroupsAndOneGlobalRow() {
        Dataset none = lineitem().filter(col("l_quantity").lt(0));
        assertThat(TpchQueries.q1(none).collectAsList()).isEmpty();
        assertThat(none.agg(count("*"), sum("l_quantity")).collectAsList()).containsExactly(Row.of(0L, null));
        assertThat(none.count()).isZero();
    }

    @Test
    void filtersFollowThreeValuedLogic() throws Exception {
        Dataset filtered = lineitem()
                .filter(col("l_tax").gt(new BigDecimal("0.04")).or(col("l_returnflag").isNull())
                        .and(col("l_shipmode").isin("AIR", "MAIL").not()))
                .groupBy("l_returnflag").agg(count("*"), sum("l_tax"))
                .orderBy("l_returnflag");
        List<Row> expected = engine.duckdb()
                .query("SELECT l_returnflag, count(*), CAST(sum(l_tax) AS DECIMAL(25,2)) FROM "
                + files + " WHERE (l_tax > 0.04 OR l_returnflag IS NULL) AND NOT (l_shipmode IN ('AIR', 'MAIL')) "
                + "GROUP BY l_returnflag ORDER BY l_returnflag NULLS FIRST");
        assertThat(filtered.collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void unknownColumnFailsAtAnalysisWithASuggestion() {
        assertThatThrownBy(() -> lineitem().select(col("l_quantiy")))
                .isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Column 'l_quantiy' not found; did you mean 'l_quantity'? Available: l_orderkey,");
    }
}
