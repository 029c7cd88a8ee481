package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories, not single files (the formats module's interop tests cover those): DuckDB reads
 * what {@code Dataset.write()} produced — hive-partitioned Parquet, CSV with a header, JSON lines —
 * identically to the rows written, and Spindle reads a partitioned Parquet directory DuckDB wrote
 * identically to DuckDB's own answer, opening only the files of the partitions a filter selects.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DatasetDuckDbInteropTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.LONG), Field.of("qty", DataType.INT),
            Field.of("price", DataType.DOUBLE), Field.of("amount", DataType.decimal(18, 4)),
            Field.of("note", DataType.STRING), Field.of("day", DataType.DATE), Field.of("region", DataType.STRING));
    private static final String COLUMNS = "id, qty, price, amount, note, day, region";
    private static final String DUCKDB_COLUMNS = "{'id': 'BIGINT', 'qty': 'INTEGER', 'price': 'DOUBLE', "
            + "'amount': 'DECIMAL(18,4)', 'note': 'VARCHAR', 'day': 'DATE', 'region': 'VARCHAR'}";

    @TempDir
    static Path directory;
    @RegisterExtension
    static final EngineFixture engine = EngineFixture.local("dataset-duckdb-interop");
    private static List<Row> rows;

    @BeforeAll
    static void start() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        rows = new ArrayList<>();
        String[] regions = {"eu", "us", "apac"};
        for (int i = 0; i < 5_000; i++) {
            rows.add(Row.of((long) i, i % 11 == 0 ? null : random.nextInt(-1000, 1000),
                    i % 13 == 0 ? null : random.nextInt(1_000_000) / 16.0,
                    i % 17 == 0 ? null : BigDecimal.valueOf(random.nextLong(-10_000_000_000L, 10_000_000_000L), 4),
                    i % 7 == 0 ? null : "note, \"quoted\" " + i, LocalDate.ofEpochDay(18_000 + i % 400),
                    regions[i % 3]));
        }
    }

    @Test
    void duckDbReadsSpindlePartitionedParquet() throws Exception {
        String output = directory.resolve("spindle-parquet").toString();
        engine.session().createDataset(rows, SCHEMA).write().partitionBy("region").parquet(output);

        List<Row> read = engine.duckdb().query("SELECT " + COLUMNS + " FROM read_parquet('" + output
                + "/*/*.parquet', hive_partitioning = true)");

        assertThat(sorted(read)).isEqualTo(sorted(rows));
    }

    @Test
    void duckDbReadsSpindleCsvWithHeader() throws Exception {
        String output = directory.resolve("spindle-csv").toString();
        engine.session().createDataset(rows, SCHEMA).write().option("header", "true").csv(output);

        List<Row> read = engine.duckdb().query("SELECT " + COLUMNS + " FROM read_csv('" + output
                + "/*.csv', header = true, "
                + "columns = " + DUCKDB_COLUMNS + ")");

        assertThat(sorted(read)).isEqualTo(sorted(rows));
    }

    @Test
    void duckDbReadsSpindleJsonLines() throws Exception {
        String output = directory.resolve("spindle-json").toString();
        engine.session().createDataset(rows, SCHEMA).write().json(output);

        List<Row> read = engine.duckdb().query("SELECT " + COLUMNS + " FROM read_json('" + output
                + "/*.json', format = 'newline_delimited', columns = " + DUCKDB_COLUMNS + ")");

        assertThat(sorted(read)).isEqualTo(sorted(rows));
    }

    @Test
    void spindleReadsDuckDbPartitionedParquetAndPrunesIt() throws Exception {
        Path input = directory.resolve("duckdb-parquet");
        String values = "SELECT i::BIGINT AS id, (i % 50)::INTEGER AS qty, i / 8.0 AS price, "
                + "(i * 1.25)::DECIMAL(18,4) AS amount, CASE WHEN i % 9 = 0 THEN NULL ELSE 'n' || i END AS note, "
                + "DATE '2024-01-01' + (i % 30)::INTEGER AS day, ['eu', 'us', 'apac'][(i % 3) + 1] AS region "
                + "FROM range(20000) t(i)";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + values + ") TO '" + input + "' (FORMAT PARQUET, PARTITION_BY (region))");
        }

        Dataset table = engine.session().read().parquet(input.toString());
        List<Row> all = table.select("id", "qty", "price", "amount", "note", "day", "region").collectAsList();
        List<Row> us = table.filter(col("region").equalTo(lit("us"))).select("id", "amount", "region").collectAsList();
        long usFilesOpened = engine.session().lastScanMetrics().filesOpened();

        assertThat(sorted(all)).isEqualTo(sorted(engine.duckdb().query("SELECT * FROM (" + values + ")")));
        assertThat(sorted(us)).isEqualTo(sorted(engine.duckdb().query("SELECT id, amount, region FROM (" + values
                + ") WHERE region = 'us'")));
        try (Stream<Path> files = Files.list(input.resolve("region=us"))) {
            assertThat(usFilesOpened).isEqualTo(files.count());
        }
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(row -> row.toList().toString()).sorted(Comparator.naturalOrder()).toList();
    }
}
