package io.spindle.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.DataFrameReader;
import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type, with nulls, written by {@code Dataset.write()} and read back by {@code session.read()}
 * in each format on local[2]; the reference is the rows given to {@code createDataset}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DatasetFormatsRoundTripTest {
    @TempDir
    static Path directory;
    private static Session session;

    @BeforeAll
    static void start() {
        session = Session.builder().master("local[2]").appName("formats-round-trip").getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "orc", "csv", "json"})
    void everyTypeWithNullsRoundTrips(String format) {
        List<Row> rows = AllTypes.rows(2_000, 7);
        String output = directory.resolve(format + "-all-types").toString();

        session.createDataset(rows, AllTypes.SCHEMA).write().format(format).save(output);
        Dataset back = reader(format).load(output);

        assertThat(types(back.schema())).isEqualTo(types(AllTypes.SCHEMA));
        assertThat(AllTypes.comparable(back.collectAsList())).isEqualTo(AllTypes.comparable(rows));
    }

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "orc", "csv", "json"})
    void emptyDatasetRoundTripsWithItsSchema(String format) {
        String output = directory.resolve(format + "-empty").toString();

        session.createDataset(List.of(), AllTypes.SCHEMA).write().format(format).save(output);
        Dataset back = reader(format).load(output);

        assertThat(types(back.schema())).isEqualTo(types(AllTypes.SCHEMA));
        assertThat(back.collectAsList()).isEmpty();
        assertThat(back.count()).isZero();
    }

    @Test
    void textRoundTripsLines() {
        Schema schema = Schema.of(Field.of("value", DataType.STRING));
        List<Row> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(Row.of(i % 10 == 0 ? "" : "line " + i + " \u00e9 tab\there"));
        }
        String output = directory.resolve("text").toString();

        session.createDataset(lines, schema).write().text(output);
        List<Row> back = session.read().text(output).collectAsList();

        assertThat(sorted(back)).isEqualTo(sorted(lines));
    }

    /** Parquet and ORC files carry their schema; CSV and JSON are read with the schema they were written with. */
    private static DataFrameReader reader(String format) {
        DataFrameReader reader = session.read().format(format);
        return format.equals("csv") || format.equals("json") ? reader.schema(AllTypes.SCHEMA) : reader;
    }

    private static List<String> types(Schema schema) {
        return schema.fields().stream().map(field -> field.name() + ":" + field.type().simpleString()).toList();
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(row -> row.getString(0)).sorted().toList();
    }
}
