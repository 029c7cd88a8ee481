package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.DataSize;
import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.DuckDb;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DuckDB, an independent implementation, reads what Spindle writes and writes what Spindle reads. */
class DuckDbInteropTest {
    private static final ParquetFileFormat FORMAT = new ParquetFileFormat();

    /** Dictionary-friendly and plain strings, several decimal widths, dates, both timestamp kinds, nulls. */
    private static final String DUCKDB_ROWS = "SELECT"
            + " i::INTEGER AS i,"
            + " i::BIGINT * 1000003 - 50000000000 AS l,"
            + " CASE WHEN i % 10 = 0 THEN NULL ELSE i * 1.5 - 7 END::DOUBLE AS d,"
            + " CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 2 = 0) END AS b,"
            + " 'city-' || (i % 17) AS s_dict,"
            + " CASE WHEN i % 13 = 0 THEN NULL ELSE 'row ' || i || ' ü' END AS s_plain,"
            + " (i * 0.01 - 300)::DECIMAL(9,2) AS dec9,"
            + " CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 1234.5678 - 1e9)::DECIMAL(18,4) END AS dec18,"
            + " (i::HUGEINT * 100000000000000000000 - 12345678901234567890)::DECIMAL(38,6) AS dec38,"
            + " DATE '1969-06-01' + (i % 20000)::INTEGER AS dt,"
            + " TIMESTAMP '1965-01-01 00:00:00' + to_microseconds(i * 3600000123) AS ts,"
            + " TIMESTAMPTZ '2021-03-04 05:06:07.123456+00' + to_microseconds(i * 1000001) AS tstz,"
            + " CASE WHEN i % 5 = 0 THEN NULL ELSE ('\\x' || lpad(to_hex(i % 256), 2, '0'))::BLOB END AS bin"
            + " FROM range(100000) t(i)";

    private static final Schema DUCKDB_SCHEMA = Schema.of(
            Field.of("i", DataType.INT), Field.of("l", DataType.LONG), Field.of("d", DataType.DOUBLE),
            Field.of("b", DataType.BOOLEAN), Field.of("s_dict", DataType.STRING), Field.of("s_plain", DataType.STRING),
            Field.of("dec9", DataType.decimal(9, 2)), Field.of("dec18", DataType.decimal(18, 4)),
            Field.of("dec38", DataType.decimal(38, 6)), Field.of("dt", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP), Field.of("tstz", DataType.TIMESTAMP), Field.of("bin", DataType.BINARY));

    private static DuckDb duckDb;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDuckDb() throws Exception {
        duckDb = new DuckDb();
    }

    @AfterAll
    static void stopDuckDb() throws Exception {
        duckDb.close();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void duckDbReadsSpindleFilesIdentically(Compression codec) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(20_000, 11);
        Path file = dir.resolve("spindle.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withCompression(codec).withRowGroupSize(DataSize.ofKilobytes(512)));

        assertThat(duckDb.readParquet(file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
    }

    @Test
    void duckDbSeesSpindleTypesAsSparkWouldWriteThem() throws Exception {
        Path file = dir.resolve("types.parquet");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(10, 1)),
                WriteOptions.defaults());

        Schema described = Schema.of(Field.of("name", DataType.STRING), Field.of("type", DataType.STRING),
                Field.of("logical", DataType.STRING));
        assertThat(duckDb.query("SELECT name, type, coalesce(CAST(logical_type AS VARCHAR), '-') AS logical FROM parquet_schema('"
                + file + "') WHERE type IS NOT NULL", described)).containsExactly(
                List.of("b", "BOOLEAN", "-"),
                List.of("i", "INT32", "-"),
                List.of("l", "INT64", "-"),
                List.of("d", "DOUBLE", "-"),
                List.of("dec9", "INT32", "DecimalType(scale=2, precision=9)"),
                List.of("dec18", "INT64", "DecimalType(scale=6, precision=18)"),
                List.of("dec38", "FIXED_LEN_BYTE_ARRAY", "DecimalType(scale=10, precision=38)"),
                List.of("s", "BYTE_ARRAY", "StringType()"),
                List.of("dt", "INT32", "DateType()"),
                List.of("ts", "INT64", "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, "
                        + "MICROS=MicroSeconds(), NANOS=<null>))"),
                List.of("bin", "BYTE_ARRAY", "-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "snappy", "gzip", "uncompressed"})
    void spindleReadsDuckDbFilesIdentically(String codec) throws Exception {
        Path file = dir.resolve("duck-" + codec + ".parquet");
        duckDb.copyToParquet(DUCKDB_ROWS, file, "ROW_GROUP_SIZE 10000, COMPRESSION " + codec);

        List<List<Object>> spindle = TestTables.read(FORMAT, file, DUCKDB_SCHEMA);

        assertThat(spindle).hasSize(100_000);
        assertThat(spindle).isEqualTo(duckDb.readParquet(file, DUCKDB_SCHEMA));
    }

    @Test
    void spindleReadsDuckDbParquetVersion2Encodings() throws Exception {
        Path file = dir.resolve("duck-v2.parquet");
        duckDb.copyToParquet(DUCKDB_ROWS, file, "ROW_GROUP_SIZE 30000, COMPRESSION zstd, PARQUET_VERSION V2");

        assertThat(TestTables.read(FORMAT, file, DUCKDB_SCHEMA)).isEqualTo(duckDb.readParquet(file, DUCKDB_SCHEMA));
    }

    @Test
    void spindleInfersDuckDbSchema() throws Exception {
        Path file = dir.resolve("duck-schema.parquet");
        duckDb.copyToParquet(DUCKDB_ROWS + " LIMIT 10", file, "");

        assertThat(FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri())))
                .isEqualTo(DUCKDB_SCHEMA);
    }

    @Test
    void pushdownOnDuckDbRowGroupsSkipsByStatistics() throws Exception {
        Path file = dir.resolve("duck-sorted.parquet");
        duckDb.copyToParquet(DUCKDB_ROWS, file, "ROW_GROUP_SIZE 10000");

        TestTables.Scan scan = TestTables.scan(FORMAT, file, DUCKDB_SCHEMA.select("i", "s_dict"),
                Optional.of(io.spindle.formats.predicate.Predicate.equal("i", 54_321)));

        // DuckDB rounds row groups up to its 2048-row vectors: 10 groups of 10240 rows, the last shorter.
        assertThat(scan.metrics().rowGroupsTotal()).isEqualTo(10);
        assertThat(scan.metrics().rowGroupsRead()).isEqualTo(1);
        assertThat(scan.metrics().rowGroupsSkippedByStatistics()).isEqualTo(9);
        assertThat(scan.rows()).hasSize(10_240)
                .startsWith(List.of(51_200, "city-" + (51_200 % 17)))
                .contains(List.of(54_321, "city-" + (54_321 % 17)));
    }
}
