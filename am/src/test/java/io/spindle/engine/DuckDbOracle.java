package io.spindle.engine;

import io.spindle.api.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB as the oracle of engine tests. Queries must ask for Spark's semantics themselves
 * (explicit casts, NULLS FIRST); values come back in Spindle's Java forms: BIGINT Long, INTEGER
 * Integer, DECIMAL BigDecimal with the column's scale, HUGEINT BigInteger, DATE LocalDate.
 */
final class DuckDbOracle implements AutoCloseable {
    private final Connection connection;

    DuckDbOracle() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
    }

    List<Row> query(String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Object[] values = new Object[meta.getColumnCount()];
                for (int c = 1; c <= values.length; c++) {
                    values[c - 1] = value(result, c, meta);
                }
                rows.add(Row.of(values));
            }
        }
        return rows;
    }

    private static Object value(ResultSet result, int column, ResultSetMetaData meta) throws SQLException {
        Object raw = result.getObject(column);
        if (raw == null) {
            return null;
        }
        String typeName = meta.getColumnTypeName(column);
        if (typeName.equals("HUGEINT")) {
            return new BigInteger(result.getString(column));
        }
        if (typeName.equals("DATE")) {
            return LocalDate.parse(result.getString(column));
        }
        switch (meta.getColumnType(column)) {
            case Types.DECIMAL:
            case Types.NUMERIC:
                return result.getBigDecimal(column).setScale(meta.getScale(column));
            case Types.BIGINT:
                return result.getLong(column);
            case Types.INTEGER:
                return result.getInt(column);
            case Types.DOUBLE:
                return result.getDouble(column);
            default:
                return raw instanceof BigDecimal || raw instanceof String || raw instanceof Boolean ? raw
                        : result.getString(column);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
