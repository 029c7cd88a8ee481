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
import io.spindle.api.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Map stages that do not read each other run at once (the two sides of a shuffled join): the
 * answer is DuckDB's every time, and a failing side fails the query with its own error while the
 * session stays usable.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class IndependentMapStagesTest {
    private static final String EXPECTED = "SELECT l.id % 97 AS g, COUNT(*) AS n, CAST(SUM(l.id * 2) AS BIGINT) AS v, "
            + "CAST(SUM(r.w) AS BIGINT) AS w FROM range(60000) l(id) JOIN (SELECT range AS k, range * 3 AS w FROM range(500)) r "
            + "ON l.id % 500 = r.k GROUP BY l.id % 97 ORDER BY g";

    private static Session session;
    private static DuckDbOracle duckdb;

    @BeforeAll
    static void setUp() throws Exception {
        session = Session.builder().master("local[2]").appName("independent-map-stages").getOrCreate();
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(-1));
        duckdb = new DuckDbOracle();
    }

    @AfterAll
    static void tearDown() throws Exception {
        session.stop();
        duckdb.close();
    }

    private static Dataset left() {
        return session.range(0, 60_000, 1, 5).withColumn("k", col("id").mod(500)).withColumn("v", col("id").multiply(2));
    }

    private static Dataset joined(Dataset right) {
        Dataset left = left();
        return left.join(right, left.col("k").equalTo(right.col("rk")))
                .groupBy(left.col("id").mod(97).as("g"))
                .agg(count("*").as("n"), sum(left.col("v")).as("v"), sum(right.col("w")).as("w"))
                .orderBy("g");
    }

    private static Dataset right() {
        return session.range(0, 500, 1, 3).select(col("id").as("rk"), col("id").multiply(3).as("w"));
    }

    @Test
    void bothSidesOfAShuffledJoinGiveDuckDbsAnswerRunAfterRun() throws Exception {
        List<Row> expected = duckdb.query(EXPECTED);
        Dataset query = joined(right());
        assertThat(query.explainString()).contains("ShuffledHashJoin");
        assertThat(expected).hasSize(97);
        for (int run = 0; run < 4; run++) {
            assertThat(query.collectAsList()).as("run %d", run).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFailingSideFailsTheQueryWithItsErrorAndTheSessionGoesOn() throws Exception {
        // The bad value is made in the right side's map stage, so it fails while the left side's runs.
        Dataset badRight = session.range(0, 500, 1, 3).select(when(col("id").equalTo(321), lit("not-a-number"))
                .otherwise(col("id").cast("string")).cast("long").as("rk"), col("id").multiply(3).as("w"));

        assertThatThrownBy(() -> joined(badRight).collectAsList())
                .hasMessageContaining("[CAST_INVALID_INPUT]").hasMessageContaining("not-a-number");

        assertThat(joined(right()).collectAsList()).containsExactlyElementsOf(duckdb.query(EXPECTED));
        long sevens = java.util.stream.LongStream.range(0, 60_000).filter(id -> id % 500 == 7).count();
        assertThat(left().filter(col("k").equalTo(lit(7L))).count()).isEqualTo(sevens);
    }
}
