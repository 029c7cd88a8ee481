package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.concat;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.runtime.exec.SortSpillMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A global orderBy over more than ten times the task memory budget (256 KB): the external sort
 * spills runs to local disk and merges them, and the order (NULLs first ascending, last descending,
 * ties broken by the second key) matches DuckDB's row for row.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SortSpillTest {
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("sort-spill")
            .config("spindle.task.memoryBudget", "256k");

    @Test
    void aSortOverTenTimesTheBudgetSpillsAndMatchesDuckDb() throws Exception {
        long runs = SortSpillMetrics.runsWritten();
        long n = 150_000; // a long, a nullable long and a string per row: several MB against 256 KB
        Dataset rows = engine.session().range(0, n, 1, 3)
                .withColumn("k", when(col("id").mod(9).equalTo(0), lit(null)).otherwise(col("id").mod(1013)))
                .withColumn("s", concat(lit("row-"), col("id").mod(777)));
        List<Row> actual = rows.orderBy(col("k"), col("s").desc(), col("id")).collectAsList();
        assertThat(actual).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT range, CASE WHEN range % 9 = 0 THEN NULL "
                + "ELSE range % 1013 END AS k, 'row-' || CAST(range % 777 AS VARCHAR) AS s FROM range(" + n + ") "
                + "ORDER BY k NULLS FIRST, s DESC, range"));
        assertThat(SortSpillMetrics.runsWritten() - runs).as("sorted runs spilled to disk").isGreaterThan(1);
    }
}
