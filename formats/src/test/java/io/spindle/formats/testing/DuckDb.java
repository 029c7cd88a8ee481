package io.spindle.formats.testing;

import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** DuckDB as an independent reader and writer of Parquet files, through its JDBC driver. */
public final class DuckDb implements AutoCloseable {
    private final Connection connection;

    public DuckDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        execute("SET threads = 1"); // file order is row order
        execute("SET TimeZone = 'UTC'");
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code COPY (select) TO file (FORMAT PARQUET, options)}. */
    public void copyToParquet(String select, Path file, String options) throws SQLException {
        execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET" + (options.isEmpty() ? "" : ", " + options) + ")");
    }

    /** Rows of a Parquet file as DuckDB reads them, converted to Spindle's Java values for {@code schema}. */
    public List<List<Object>> readParquet(Path file, Schema schema) throws SQLException {
        return query("SELECT * FROM read_parquet('" + file + "')", schema);
    }

    /**
     * Rows of a query whose columns are {@code schema}'s fields, as Spindle's Java values: timestamps
     * go through epoch_us and dates through text, so no JDBC time-zone mapping is involved.
     */
    public List<List<Object>> query(String sql, Schema schema) throws SQLException {
        String projection = schema.fields().stream().map(DuckDb::project).collect(Collectors.joining(", "));
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + projection + " FROM (" + sql + ")")) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < schema.size(); i++) {
                    row.add(value(result, i + 1, schema.field(i)));
                }
                rows.add(row);
            }
        }
        return TestTables.normalize(rows);
    }

    private static String project(Field field) {
        String column = "\"" + field.name() + "\"";
        switch (field.type().kind()) {
            case TIMESTAMP: return "epoch_us(" + column + ")";
            case DATE: return "CAST(" + column + " AS VARCHAR)";
            default: return column;
        }
    }

    private static Object value(ResultSet result, int index, Field field) throws SQLException {
        Object raw = result.getObject(index);
        if (raw == null) {
            return null;
        }
        switch (field.type().kind()) {
            case BOOLEAN: return result.getBoolean(index);
            case INT: return result.getInt(index);
            case LONG: return result.getLong(index);
            case DOUBLE: return result.getDouble(index);
            case DECIMAL: return result.getBigDecimal(index).setScale(((DecimalType) field.type()).scale());
            case STRING: return result.getString(index);
            case DATE: return LocalDate.parse(result.getString(index));
            case TIMESTAMP:
                long micros = result.getLong(index);
                return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            case BINARY: return result.getBytes(index);
        }
        throw new AssertionError(field);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
