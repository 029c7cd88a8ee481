package io.spindle.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.DuckDb;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads the CSV Spindle writes, and Spindle reads the CSV DuckDB writes, with the same values. */
class CsvDuckDbInteropTest {
    /** DuckDB's read_csv column types for {@link SampleData#ALL_TYPES}; binary travels as base64 text. */
    static final String DUCKDB_COLUMNS = "{'b': 'BOOLEAN', 'i': 'INTEGER', 'l': 'BIGINT', 'd': 'DOUBLE', "
            + "'dec9': 'DECIMAL(9,2)', 'dec18': 'DECIMAL(18,6)', 'dec38': 'DECIMAL(38,10)', 's': 'VARCHAR', "
            + "'dt': 'DATE', 'ts': 'TIMESTAMPTZ', 'bin': 'VARCHAR'}";
    static final String PROJECT_BINARY = "* REPLACE (from_base64(bin) AS bin)";

    @TempDir
    Path dir;

    @Test
    void duckDbReadsSpindleCsv() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(3000, 21);
        rows.get(1).set(7, "");
        rows.get(2).set(7, "a \"quoted\", text\nwith a newline");
        Path file = dir.resolve("spindle.csv");
        TestTables.write(new CsvFileFormat(CsvOptions.defaults().withHeader(true)), file,
                SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        try (DuckDb duckDb = new DuckDb()) {
            List<List<Object>> read = duckDb.query("SELECT " + PROJECT_BINARY + " FROM read_csv('" + file
                    + "', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
                    + "allow_quoted_nulls = false, columns = " + DUCKDB_COLUMNS + ")", SampleData.ALL_TYPES);
            assertThat(read).isEqualTo(TestTables.normalize(rows));
        }
    }

    @Test
    void spindleReadsDuckDbCsv() throws Exception {
        Schema schema = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING),
                Field.of("price", DataType.decimal(12, 3)), Field.of("day", DataType.DATE),
                Field.of("at", DataType.TIMESTAMP), Field.of("ratio", DataType.DOUBLE), Field.of("ok", DataType.BOOLEAN));
        String select = "SELECT i AS id, CASE WHEN i % 7 = 0 THEN NULL WHEN i % 5 = 0 THEN 'x,\"y\"' ELSE 'n' || i END "
                + "AS name, (i * 1.125)::DECIMAL(12,3) AS price, DATE '2000-01-01' + i::INTEGER AS day, "
                + "TIMESTAMP '2020-01-01 00:00:00' + to_microseconds(i * 1234567) AS at, i / 3.0 AS ratio, "
                + "i % 2 = 0 AS ok FROM range(5000) t(i)";
        Path file = dir.resolve("duck.csv");
        try (DuckDb duckDb = new DuckDb()) {
            duckDb.execute("COPY (" + select + ") TO '" + file + "' (FORMAT CSV, HEADER)");
            List<List<Object>> expected = duckDb.query(select, schema);
            CsvFileFormat format = new CsvFileFormat(CsvOptions.defaults().withHeader(true).withSchema(schema));

            assertThat(TestTables.read(format, file, schema)).isEqualTo(expected);
        }
    }
}
