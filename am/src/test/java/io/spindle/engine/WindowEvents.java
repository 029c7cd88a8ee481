package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.when;

import io.spindle.api.Dataset;
import io.spindle.api.Session;

/**
 * The window tests' events, built the same way in Spindle and in DuckDB SQL: {@code u} is NULL
 * every 11th row and 0 for 60% of the rows (skew), {@code ts} has ties, {@code amount}
 * decimal(10,2) is NULL every 7th row.
 */
final class WindowEvents {
    private WindowEvents() {
    }

    static Dataset dataset(Session session, long rows) {
        return session.range(rows)
                .withColumn("u", when(col("id").mod(11).equalTo(0), lit(null))
                        .when(col("id").mod(10).lt(6), lit(0L)).otherwise(col("id").mod(37)))
                .withColumn("ts", col("id").mod(500))
                .withColumn("amount", when(col("id").mod(7).equalTo(0), lit(null))
                        .otherwise(col("id").mod(1000).cast("decimal(10,2)").divide(100).cast("decimal(10,2)")));
    }

    /** The same rows as a DuckDB subquery. */
    static String sql(long rows) {
        return "(SELECT range AS id, CASE WHEN range % 11 = 0 THEN NULL WHEN range % 10 < 6 "
                + "THEN 0 ELSE range % 37 END AS u, range % 500 AS ts, CASE WHEN range % 7 = 0 THEN NULL "
                + "ELSE CAST(CAST(range % 1000 AS DECIMAL(10,2)) / 100 AS DECIMAL(10,2)) END AS amount FROM range("
                + rows + "))";
    }
}
