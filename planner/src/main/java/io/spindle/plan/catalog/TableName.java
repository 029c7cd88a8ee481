package io.spindle.plan.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * A table or view name, optionally qualified by a database: {@code sales} or {@code dw.sales}.
 * Names compare case-insensitively, as Spark's and Hive's do, so they are kept lower-cased.
 */
public record TableName(Optional<String> database, String table) {

    public TableName {
        database = database.map(name -> name.toLowerCase(Locale.ROOT));
        table = table.toLowerCase(Locale.ROOT);
        if (table.isEmpty()) {
            throw new IllegalArgumentException("A table name cannot be empty");
        }
    }

    /** Parses {@code table} or {@code database.table}. */
    public static TableName parse(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new TableName(Optional.empty(), name.trim());
        }
        if (name.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("Table name '" + name + "' has more than two parts");
        }
        return new TableName(Optional.of(name.substring(0, dot).trim()), name.substring(dot + 1).trim());
    }

    @Override
    public String toString() {
        return database.map(db -> db + "." + table).orElse(table);
    }
}
