package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.explode;
import static io.spindle.api.functions.explode_outer;
import static io.spindle.api.functions.split;
import static io.spindle.api.functions.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * split / explode / explode_outer / getItem on local[2] against DuckDB's string_split_regex and
 * unnest: empty pieces, NULL strings, an empty string, multi-byte text, regex and plain separators.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExplodeDifferentialTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.INT), Field.of("tags", DataType.STRING));
    private static final List<Row> ROWS = List.of(
            Row.of(1, "shoes,red,sale"),
            Row.of(2, ",a,,b,"),
            Row.of(3, null),
            Row.of(4, ""),
            Row.of(5, "grün|ü,ñ"),
            Row.of(6, "single"));

    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("explode-differential");

    private static Dataset table() {
        return engine.session().createDataset(ROWS, SCHEMA);
    }

    private static String values() {
        List<String> rows = new ArrayList<>();
        for (Row row : ROWS) {
            rows.add("(" + row.get(0) + ", " + (row.get(1) == null ? "NULL::VARCHAR" : "'" + row.get(1) + "'") + ")");
        }
        return "(VALUES " + String.join(", ", rows) + ") AS t(id, tags)";
    }

    /** DuckDB splits '' into no pieces; Spark (and Spindle) into one empty piece. */
    private static String pieces(String regex) {
        return "CASE WHEN tags = '' THEN [''] ELSE string_split_regex(tags, '" + regex + "') END";
    }

    @Test
    void explodeOnAPlainSeparatorMatchesDuckDb() throws Exception {
        Dataset actual = table().select(col("id"), explode(split(col("tags"), ",")).as("tag"))
                .orderBy(col("id"), col("tag"));
        assertThat(actual.columns()).containsExactly("id", "tag");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(engine.duckdb().query(
                "SELECT id, unnest(" + pieces(",") + ") AS tag FROM " + values() + " ORDER BY id, tag"));
    }

    @Test
    void explodeOnARegexAndExplodeOuterMatchDuckDb() throws Exception {
        Dataset regex = table().withColumn("tag", explode(split(col("tags"), "[,|]+")))
                .select(col("id"), upper(col("tag"))).orderBy(col("id"), col("upper(tag)"));
        assertThat(regex.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT id, upper(tag) FROM "
                + "(SELECT id, unnest(" + pieces("[,|]+") + ") AS tag FROM " + values() + ") ORDER BY id, 2"));

        Dataset outer = table().select(col("id"), explode_outer(split(col("tags"), "\\|")).as("tag"))
                .orderBy(col("id"), col("tag"));
        assertThat(outer.collectAsList()).containsExactlyElementsOf(engine.duckdb()
                .query("SELECT id, unnest(CASE WHEN tags "
                + "IS NULL THEN [NULL::VARCHAR] ELSE " + pieces("\\|") + " END) AS tag FROM " + values()
                + " ORDER BY id, tag NULLS FIRST"));
    }

    @Test
    void getItemTakesOnePieceOrNull() throws Exception {
        Dataset actual = table().select(col("id"), split(col("tags"), ",").getItem(1).as("second"),
                split(col("tags"), ",").getItem(7).as("eighth")).orderBy("id");
        assertThat(actual.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT id, "
                + "CASE WHEN len(" + pieces(",") + ") >= 2 THEN (" + pieces(",") + ")[2] END, NULL::VARCHAR FROM "
                + values() + " ORDER BY id"));
    }

    @Test
    void explodeOverManyRowsAggregatesLikeDuckDb() throws Exception {
        Dataset events = engine.session().range(50_000).withColumn("tags",
                io.spindle.api.functions.concat(col("id").mod(7), io.spindle.api.functions.lit(","),
                        col("id").mod(3), io.spindle.api.functions.lit(",x")));
        Dataset counted = events.select(explode(split(col("tags"), ",")).as("tag")).groupBy("tag")
                .agg(count("*").as("n")).orderBy("tag");
        assertThat(counted.collectAsList()).containsExactlyElementsOf(engine.duckdb().query("SELECT tag, count(*) FROM "
                + "(SELECT unnest(string_split(CAST(range % 7 AS VARCHAR) || ',' || CAST(range % 3 AS VARCHAR) "
                + "|| ',x', ',')) AS tag FROM range(50000)) GROUP BY tag ORDER BY tag"));
        assertThat(events.filter(col("id").lt(0)).select(explode(split(col("tags"), ","))).collectAsList()).isEmpty();
    }

    @Test
    void misuseFailsAtAnalysisWithTheFix() {
        assertThatThrownBy(() -> table().select(split(col("tags"), ",")))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("explode(split(...))");
        assertThatThrownBy(() -> table().select(explode(split(col("tags"), ",")), explode(split(col("tags"), "|"))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("Only one explode");
        assertThatThrownBy(() -> table().select(explode(col("tags"))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("explode needs split(...)");
        assertThatThrownBy(() -> table().select(explode(split(col("id"), ","))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("cast it to string");
        assertThatThrownBy(() -> table().filter(upper(col("tags")).equalTo(explode(split(col("tags"), ",")))))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("only allowed as a whole column");
    }
}
