package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.concat;
import static io.spindle.api.functions.countDistinct;
import static io.spindle.api.functions.date_add;
import static io.spindle.api.functions.date_format;
import static io.spindle.api.functions.date_sub;
import static io.spindle.api.functions.datediff;
import static io.spindle.api.functions.dayofmonth;
import static io.spindle.api.functions.length;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.lower;
import static io.spindle.api.functions.month;
import static io.spindle.api.functions.regexp_extract;
import static io.spindle.api.functions.substring;
import static io.spindle.api.functions.to_date;
import static io.spindle.api.functions.trim;
import static io.spindle.api.functions.upper;
import static io.spindle.api.functions.when;
import static io.spindle.api.functions.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.AnalysisException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Built-in functions, distinct and dropDuplicates end to end on local[2], against DuckDB. DuckDB's
 * SQL is written for Spark's semantics: {@code ||} (NULL-propagating) for concat, {@code ESCAPE '\'}
 * for like, strftime for Java date patterns. Substring positions 0 and negative, split, trim of
 * tabs and invalid input differ in DuckDB and are checked in BuiltinFunctionSemanticsTest.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FunctionsDifferentialTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.INT), Field.of("s", DataType.STRING),
            Field.of("d", DataType.DATE), Field.of("t", DataType.STRING));
    private static final List<Row> ROWS = List.of(
            Row.of(1, "  Hello World  ", LocalDate.of(2024, 2, 28), "2024-03-01"),
            Row.of(2, "order-42-x", LocalDate.of(1999, 12, 31), "2000-01-01"),
            Row.of(3, null, LocalDate.of(2020, 1, 1), null),
            Row.of(4, "100%", null, "1970-01-01"),
            Row.of(5, "a_b", LocalDate.of(2023, 7, 4), "2023-07-04 10:11:12"),
            Row.of(6, "", LocalDate.of(2000, 2, 29), "2000-02-29"));

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("functions-differential");

    private static Dataset table() {
        return engine.session().createDataset(ROWS, SCHEMA);
    }

    private static String values() {
        List<String> rows = new ArrayList<>();
        for (Row row : ROWS) {
            rows.add("(" + row.get(0) + ", " + quoted(row.get(1)) + ", "
                    + (row.get(2) == null ? "NULL::DATE" : "DATE '" + row.get(2) + "'") + ", " + quoted(row.get(3)) + ")");
        }
        return "(VALUES " + String.join(", ", rows) + ") AS t(id, s, d, t)";
    }

    private static String quoted(Object value) {
        return value == null ? "NULL::VARCHAR" : "'" + value.toString().replace("'", "''") + "'";
    }

    @Test
    void stringFunctionsMatchDuckDb() throws Exception {
        Dataset actual = table().select(col("id"), lower(col("s")), upper(col("s")), length(col("s")), trim(col("s")),
                substring(col("s"), 2, 3), concat(col("s"), lit("|"), col("id")), col("s").like("%\\%"),
                col("s").like("a\\_%"), regexp_extract(col("s"), "(\\w+)-(\\d+)", 2)).orderBy("id");
        List<Row> expected = engine.duckdb()
                .query("SELECT id, lower(s), upper(s), CAST(length(s) AS INTEGER), trim(s), "
                + "substring(s, 2, 3), s || '|' || CAST(id AS VARCHAR), s LIKE '%\\%' ESCAPE '\\', "
                + "s LIKE 'a\\_%' ESCAPE '\\', regexp_extract(s, '(\\w+)-(\\d+)', 2) FROM " + values()
                + " ORDER BY id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(expected);
    }

    @Test
    void dateFunctionsMatchDuckDb() throws Exception {
        Dataset actual = table().select(col("id"), to_date(col("t")), date_add(col("d"), 1), date_sub(col("d"), 1),
                datediff(to_date(col("t")), col("d")), year(col("d")), month(col("d")), dayofmonth(col("d")),
                date_format(col("d"), "EEEE d MMMM yyyy")).orderBy("id");
        List<Row> expected = engine.duckdb().query("SELECT id, CAST(substring(t, 1, 10) AS DATE), d + 1, d - 1, "
                + "CAST(CAST(substring(t, 1, 10) AS DATE) - d AS INTEGER), CAST(year(d) AS INTEGER), "
                + "CAST(month(d) AS INTEGER), CAST(day(d) AS INTEGER), strftime(d, '%A %-d %B %Y') FROM "
                + values() + " ORDER BY id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(expected);
        assertThat(table().filter(col("id").equalTo(5)).select(to_date(col("t"), "yyyy-MM-dd HH:mm:ss"))
                .collectAsList()).containsExactly(Row.of(LocalDate.of(2023, 7, 4)));
    }

    @Test
    void invalidInputFailsTheQueryWithItsErrorCode() {
        assertThatThrownBy(() -> table().select(to_date(col("t"), "yyyy-MM-dd")).collectAsList())
                .hasMessageContaining("[CANNOT_PARSE_TIMESTAMP]");
        assertThatThrownBy(() -> engine.session().createDataset(List.of(Row.of("2023-02-30")),
                Schema.of(Field.of("t", DataType.STRING))).select(to_date(col("t"))).collectAsList())
                .hasMessageContaining("[CAST_INVALID_INPUT]");
        assertThatThrownBy(() -> engine.session().createDataset(List.of(Row.of("1.5")),
                Schema.of(Field.of("t", DataType.STRING))).select(col("t").cast("int")).collectAsList())
                .hasMessageContaining("[CAST_INVALID_INPUT] The value '1.5' cannot be cast to int");
        assertThatThrownBy(() -> table().select(year(col("id")))).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("year cannot take");
    }

    @Test
    void distinctDropDuplicatesAndCountDistinctOnSkewedKeysMatchDuckDb() throws Exception {
        Dataset skewed = engine.session().range(200_000)
                .withColumn("k", when(col("id").mod(10).lt(9), lit(0L)).otherwise(col("id").mod(1000)))
                .withColumn("v", when(col("id").mod(7).equalTo(0), lit(null)).otherwise(col("id").mod(50)));
        String source = "(SELECT range AS id, CASE WHEN range % 10 < 9 THEN 0 ELSE range % 1000 END AS k, "
                + "CASE WHEN range % 7 = 0 THEN NULL ELSE range % 50 END AS v FROM range(200000))";
        assertThat(skewed.select("k", "v").distinct().orderBy("k", "v").collectAsList()).containsExactlyElementsOf(
                engine.duckdb().query("SELECT DISTINCT k, v FROM " + source
                        + " ORDER BY k NULLS FIRST, v NULLS FIRST"));
        assertThat(skewed.groupBy("k").agg(countDistinct("v").as("n")).orderBy("k").collectAsList())
                .containsExactlyElementsOf(engine.duckdb().query("SELECT k, count(DISTINCT v) FROM " + source
                        + " GROUP BY k ORDER BY k NULLS FIRST"));
        assertThat(skewed.agg(countDistinct("v")).collectAsList())
                .containsExactlyElementsOf(engine.duckdb().query("SELECT count(DISTINCT v) FROM " + source));
        Dataset deduplicated = skewed.dropDuplicates("k");
        assertThat(deduplicated.columns()).containsExactly("id", "k", "v");
        assertThat(deduplicated.count()).isEqualTo(engine.duckdb().query("SELECT count(DISTINCT k) FROM " + source)
                .get(0).getLong(0));
        // Whichever duplicate survives, it is a real row of its key.
        for (Row row : deduplicated.filter(col("k").gt(0)).collectAsList()) {
            assertThat(row.getLong(0) % 1000).isEqualTo(row.getLong(1));
        }
    }

    @Test
    void aGroupByFarLargerThanTheTaskBudgetSpillsAndMatchesDuckDb() throws Exception {
        io.spindle.api.EngineSettings before = engine.session().engineSettings();
        engine.session().setEngineSettings(before.withTaskMemoryBytes(256 * 1024));
        try {
            Dataset grouped = engine.session().range(0, 300_000, 1, 2).withColumn("k", col("id").mod(150_000))
                    .groupBy("k").agg(io.spindle.api.functions.count("*").as("n"),
                            io.spindle.api.functions.sum("id").as("total"))
                    .filter(col("k").mod(1000).equalTo(7)).orderBy("k");
            assertThat(grouped.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                    .query("SELECT range % 150000 AS k, "
                    + "count(*), CAST(sum(range) AS BIGINT) FROM range(300000) GROUP BY k HAVING k % 1000 = 7 "
                    + "ORDER BY k"));
        } finally {
            engine.session().setEngineSettings(before);
        }
    }

    @Test
    void aLimitOverAUnionTakesOnlyWhatItNeeds() {
        Dataset union = engine.session().range(1_000).union(engine.session().range(5, 10));
        assertThat(union.limit(3).collectAsList()).hasSize(3);
        assertThat(engine.session().range(2).union(engine.session().range(2)).limit(10).count()).isEqualTo(4);
    }

    @Test
    void tempViewsResolveByNameCaseInsensitively() {
        table().filter(col("id").gt(4)).createOrReplaceTempView("Recent");
        assertThat(engine.session().table("recent").select("id").orderBy("id").collectAsList())
                .containsExactly(Row.of(5), Row.of(6));
        assertThatThrownBy(() -> engine.session().table("missing")).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith("Table or view not found: missing. Table default.missing not found in");
    }

    @Test
    void groupByCountNamesItsColumnCount() {
        assertThat(table().groupBy(col("d").isNull().as("no_date")).count().columns())
                .containsExactly("no_date", "count");
    }
}
