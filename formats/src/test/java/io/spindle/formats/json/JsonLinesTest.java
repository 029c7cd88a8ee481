package io.spindle.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.BatchReader;
import io.spindle.formats.FileSplit;
import io.spindle.formats.FormatException;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.testing.DuckDb;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.text.MalformedPolicy;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
    private static final JsonLinesFileFormat FORMAT = new JsonLinesFileFormat(JsonOptions.defaults());

    @TempDir
    Path dir;

    private static String uri(Path file) {
        return file.toUri().toString().replace("file:///", "file:/");
    }

    @Test
    void everyTypeRoundTripsWithNullsAcrossSplits() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(8000, 42);
        rows.get(1).set(7, "quote \" backslash \\ newline \n tab \t control \u0001 end");
        Path file = dir.resolve("all.jsonl");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        for (long splitBytes : new long[] {Long.MAX_VALUE, 5000}) {
            assertThat(TestTables.scan(FORMAT, file, SampleData.ALL_TYPES, Optional.empty(), splitBytes).rows())
                    .isEqualTo(TestTables.normalize(rows));
        }
        assertThat(Files.readAllLines(file).get(0)).doesNotContain("null");
    }

    @Test
    void emptyFileHasNoRows() throws Exception {
        Path file = dir.resolve("empty.jsonl");
        TestTables.write(FORMAT, file, ColumnBatch.allocate(SampleData.ALL_TYPES, 1), WriteOptions.defaults());

        assertThat(Files.size(file)).isZero();
        assertThat(TestTables.read(FORMAT, file, SampleData.ALL_TYPES)).isEmpty();
    }

    @Test
    void duckDbReadsSpindleJson() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(3000, 8);
        Path file = dir.resolve("spindle.jsonl");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        try (DuckDb duckDb = new DuckDb()) {
            // DuckDB parses every JSON number as a double (even into a JSON column), so decimals with
            // more than 15 digits cannot survive its reader: they are left to Spindle's own round trip.
            Schema compared = SampleData.ALL_TYPES.select("b", "i", "l", "d", "dec9", "s", "dt", "ts", "bin");
            List<List<Object>> read = duckDb.query("SELECT * REPLACE (from_base64(bin) AS bin) FROM read_json('"
                    + file + "', format = 'newline_delimited', columns = {'b': 'BOOLEAN', 'i': 'INTEGER', 'l': 'BIGINT', "
                    + "'d': 'DOUBLE', 'dec9': 'DECIMAL(9,2)', 'dec18': 'VARCHAR', 'dec38': 'VARCHAR', 's': 'VARCHAR', "
                    + "'dt': 'DATE', 'ts': 'TIMESTAMPTZ', 'bin': 'VARCHAR'})", compared);
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> row : TestTables.normalize(rows)) {
                List<Object> kept = new ArrayList<>(row);
                kept.remove(6);
                kept.remove(5);
                expected.add(kept);
            }
            for (int r = 0; r < expected.size(); r++) {
                assertThat(read.get(r)).as("row " + r).isEqualTo(expected.get(r));
            }
            assertThat(read).hasSameSizeAs(expected);
        }
    }

    @Test
    void matchesFieldsExactlyThenIgnoringCaseAndConvertsLikeSpark() throws Exception {
        Path file = Files.write(dir.resolve("mixed.jsonl"), ("{\"ID\": 1, \"id\": 2, \"Amount\": 1.005, \"tags\": [1, {\"a\": \"]\"}], "
                + "\"n\": 12, \"when\": \"2024-05-06 07:08:09.5\", \"x\": NaN_IS_NOT_READ}\n").getBytes(StandardCharsets.UTF_8));
        Path good = Files.write(dir.resolve("good.jsonl"), ("{\"ID\": 1, \"id\": 2, \"Amount\": 1.005, \"tags\": [1, {\"a\": \"]\"}], "
                + "\"n\": 12, \"when\": \"2024-05-06 07:08:09.5\", \"d\": \"NaN\"}\n\n{}\n").getBytes(StandardCharsets.UTF_8));
        Schema schema = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.decimal(5, 2)),
                Field.of("tags", DataType.STRING), Field.of("n", DataType.STRING), Field.of("when", DataType.TIMESTAMP),
                Field.of("d", DataType.DOUBLE));

        assertThat(TestTables.read(FORMAT, good, schema)).isEqualTo(List.of(
                Arrays.asList(2L, new BigDecimal("1.01"), "[1, {\"a\": \"]\"}]", "12",
                        java.time.Instant.parse("2024-05-06T07:08:09.500Z"), Double.NaN),
                Arrays.asList(null, null, null, null, null, null)));
        assertThatThrownBy(() -> TestTables.read(FORMAT, file, schema))
                .isInstanceOf(FormatException.class)
                .hasMessage(uri(file) + " at offset 0: line 1, column 109: invalid JSON: expected a value");
    }

    @Test
    void malformedLinesFailNamingFileLineAndColumnOrAreDroppedAndCounted() throws Exception {
        Schema schema = Schema.of(Field.of("id", DataType.INT), Field.of("name", DataType.STRING));
        Path file = Files.write(dir.resolve("bad.jsonl"), ("{\"id\": 1, \"name\": \"a\"}\n"
                + "{\"id\": \"two\", \"name\": \"b\"}\n"
                + "{\"id\": 3.5}\n"
                + "{\"id\": {\"nested\": 1}}\n"
                + "not json\n"
                + "{\"id\": 6, \"name\": [\"raw\"]}\n").getBytes(StandardCharsets.UTF_8));
        JsonLinesFileFormat failFast = new JsonLinesFileFormat(JsonOptions.defaults().withSchema(schema));

        assertThatThrownBy(() -> TestTables.read(failFast, file, schema))
                .hasMessage(uri(file) + " at offset 23: line 2, column 'id': expected int but found a string \"two\"");

        Path quarantine = dir.resolve("quarantine");
        JsonLinesFileFormat quarantining = new JsonLinesFileFormat(JsonOptions.defaults()
                .withMalformed(MalformedPolicy.quarantine(quarantine.toUri().toString())));
        FileSplit split = FileSplit.wholeFile(new org.apache.hadoop.fs.Path(file.toUri()), Files.size(file));
        List<List<Object>> rows = new ArrayList<>();
        try (BatchReader reader = quarantining.open(TestTables.CONF, split, schema, Optional.empty())) {
            for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                rows.addAll(batch.toRows());
            }
            JsonBatchReader json = (JsonBatchReader) reader;
            assertThat(json.malformedRecords().count()).isEqualTo(4);
            assertThat(json.malformedRecords().samples()).containsExactly(
                    uri(file) + " at offset 23: line 2, column 'id': expected int but found a string \"two\"",
                    uri(file) + " at offset 50: line 3, column 'id': expected int but found a number 3.5",
                    uri(file) + " at offset 62: line 4, column 'id': expected int but found an object or array {\"nested\": 1}",
                    uri(file) + " at offset 84: line 5, column 1: invalid JSON: expected '{'");
        }
        assertThat(rows).isEqualTo(List.of(List.of(1, "a"), List.of(6, "[\"raw\"]")));
        assertThat(Files.readAllLines(quarantine.resolve("bad.jsonl.bad"))).hasSize(4).contains("not json");
    }

    @Test
    void infersSortedFieldsLikeSpark() throws Exception {
        Path file = Files.write(dir.resolve("infer.jsonl"), ("{\"b\": 1, \"a\": \"x\", \"c\": true, \"n\": null}\n"
                + "{\"b\": 2.5, \"d\": {\"k\": 1}, \"e\": 123456789012345678901}\n").getBytes(StandardCharsets.UTF_8));

        assertThat(FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())).toString())
                .isEqualTo("struct<a:string,b:double,c:boolean,d:string,e:decimal(38,0),n:string>");
    }
}
