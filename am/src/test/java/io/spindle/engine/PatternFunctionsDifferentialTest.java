package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.date_format;
import static io.spindle.api.functions.regexp_extract;
import static io.spindle.api.functions.split;
import static io.spindle.api.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vectorized regexp_extract, split(..).getItem, to_date(s, pattern) and date_format on
 * local[2] against DuckDB over the same Parquet file, several batches of it: NULLs, empty strings,
 * multi-byte text, rows the regex does not match (''), items past the end (NULL), padded dates,
 * invalid dates (both engines fail), and empty input. DuckDB's equivalents: string_split and
 * string_split_regex (1-based), strptime and strftime.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PatternFunctionsDifferentialTest {
    private static final int ROWS = 12_000;
    private static final String[] TEXTS = {"order-42-x", "a,b,,c,", ",lead", "日本-語,テ", "no match", "", "x|y|z",
        "abc123def456", "Ünï-7-çødé", "k-1,k-2"};

    @TempDir
    static Path directory;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("pattern-functions-differential");

    @BeforeAll
    static void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-200_000, 200_000));
            String dayText = random.nextInt(4) == 0 ? " " + day + "\t" : day.toString();
            Instant timestamp = Instant.ofEpochSecond(random.nextLong(-8_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000) * 1000L);
            rows.add(Row.of((long) i, random.nextInt(8) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)],
                    random.nextInt(8) == 0 ? null : dayText, random.nextInt(8) == 0 ? null : timestamp,
                    random.nextInt(8) == 0 ? null : day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));
        }
        engine.session().createDataset(rows, Schema.of(Field.of("id", DataType.LONG), Field.of("s", DataType.STRING),
                Field.of("day", DataType.STRING), Field.of("ts", DataType.TIMESTAMP), Field.of("compact", DataType.STRING)))
                .repartition(2).write().parquet(directory.resolve("t").toString());
    }

    private static Dataset t() {
        return engine.session().read().parquet(directory.resolve("t").toString());
    }

    private static List<Row> duckdb(String select) throws SQLException {
        return engine.duckdb().query(select.replace("{t}", "read_parquet('" + directory.resolve("t") + "/*.parquet')"));
    }

    @Test
    void regexpExtractMatchesDuckDb() throws Exception {
        Dataset actual = t().select(col("id"), regexp_extract(col("s"), "(\\w+)-(\\d+)", 2),
                regexp_extract(col("s"), "(\\w+)-(\\d+)", 0), regexp_extract(col("s"), "([a-z]+)(\\d+)", 1),
                regexp_extract(col("s"), "語(.)", 1));
        assertThat(actual.collectAsList()).containsExactlyInAnyOrderElementsOf(duckdb("SELECT id, "
                + "regexp_extract(s, '(\\w+)-(\\d+)', 2), regexp_extract(s, '(\\w+)-(\\d+)', 0), "
                + "regexp_extract(s, '([a-z]+)(\\d+)', 1), regexp_extract(s, '語(.)', 1) FROM {t}"));
    }

    @Test
    void splitGetItemMatchesDuckDb() throws Exception {
        Dataset actual = t().select(col("id"), split(col("s"), ",").getItem(0), split(col("s"), ",").getItem(2),
                split(col("s"), "-").getItem(1), split(col("s"), "[,|]").getItem(1), split(col("s"), ",").getItem(9));
        assertThat(actual.collectAsList()).containsExactlyInAnyOrderElementsOf(duckdb("SELECT id, "
                + "string_split(s, ',')[1], string_split(s, ',')[3], string_split(s, '-')[2], "
                + "string_split_regex(s, '[,|]')[2], string_split(s, ',')[10] FROM {t}"));
    }

    @Test
    void toDateWithPatternsMatchesDuckDb() throws Exception {
        Dataset actual = t().select(col("id"), to_date(col("day"), "yyyy-MM-dd"), to_date(col("compact"), "yyyyMMdd"));
        assertThat(actual.collectAsList()).containsExactlyInAnyOrderElementsOf(duckdb("SELECT id, "
                + "CAST(strptime(trim(day, ' ' || chr(9)), '%Y-%m-%d') AS DATE), "
                + "CAST(strptime(compact, '%Y%m%d') AS DATE) FROM {t}"));
    }

    @Test
    void dateFormatMatchesDuckDb() throws Exception {
        Dataset actual = t().select(col("id"), date_format(col("ts"), "yyyy-MM-dd HH:mm:ss"),
                date_format(col("ts"), "dd.MM.yyyy"), date_format(to_date(col("day"), "yyyy-MM-dd"), "yyyy/MM/dd"),
                date_format(col("ts"), "EEEE, MMMM d yyyy"));
        assertThat(actual.collectAsList()).containsExactlyInAnyOrderElementsOf(duckdb("SELECT id, "
                + "strftime(ts, '%Y-%m-%d %H:%M:%S'), strftime(ts, '%d.%m.%Y'), "
                + "strftime(CAST(strptime(trim(day, ' ' || chr(9)), '%Y-%m-%d') AS DATE), '%Y/%m/%d'), "
                + "strftime(ts, '%A, %B %-d %Y') FROM {t}"));
    }

    @Test
    void emptyInputGivesNoRows() throws Exception {
        Dataset actual = t().filter(col("id").lt(0)).select(regexp_extract(col("s"), "(\\d+)", 1),
                split(col("s"), ",").getItem(0), to_date(col("day"), "yyyy-MM-dd"), date_format(col("ts"), "yyyy"));
        assertThat(actual.collectAsList()).isEmpty();
        assertThat(duckdb("SELECT s FROM {t} WHERE id < 0")).isEmpty();
    }

    @Test
    void anInvalidDateFailsInBothEngines() {
        Dataset invalid = engine.session().createDataset(List.of(Row.of("2024-01-31"), Row.of("2023-02-30")),
                Schema.of(Field.of("day", DataType.STRING)));
        assertThatThrownBy(() -> invalid.select(to_date(col("day"), "yyyy-MM-dd")).collectAsList())
                .hasMessageContaining("[CANNOT_PARSE_TIMESTAMP]").hasMessageContaining("2023-02-30");
        assertThatThrownBy(() -> engine.duckdb().query("SELECT strptime(x, '%Y-%m-%d') FROM (VALUES ('2024-01-31'), "
                + "('2023-02-30')) v(x)")).isInstanceOf(SQLException.class);
        Dataset noMatch = engine.session().createDataset(List.of(Row.of("31/01/2024")), Schema.of(Field.of("day",
                DataType.STRING)));
        assertThatThrownBy(() -> noMatch.select(to_date(col("day"), "yyyy-MM-dd")).collectAsList())
                .hasMessageContaining("[CANNOT_PARSE_TIMESTAMP]").hasMessageContaining("31/01/2024");
    }
}
