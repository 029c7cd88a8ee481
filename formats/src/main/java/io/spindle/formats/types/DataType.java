package io.spindle.formats.types;

import java.io.Serializable;

/**
 * A Spindle column type. Types are immutable values: the parameterless ones are singletons held
 * here, decimals are made by {@link #decimal(int, int)}. Switch on {@link #kind()} to dispatch.
 */
public sealed interface DataType extends Serializable permits PrimitiveType, DecimalType {
    DataType BOOLEAN = new PrimitiveType(TypeKind.BOOLEAN, "boolean");
    DataType INT = new PrimitiveType(TypeKind.INT, "int");
    DataType LONG = new PrimitiveType(TypeKind.LONG, "long");
    DataType DOUBLE = new PrimitiveType(TypeKind.DOUBLE, "double");
    DataType STRING = new PrimitiveType(TypeKind.STRING, "string");
    DataType DATE = new PrimitiveType(TypeKind.DATE, "date");
    DataType TIMESTAMP = new PrimitiveType(TypeKind.TIMESTAMP, "timestamp");
    DataType BINARY = new PrimitiveType(TypeKind.BINARY, "binary");

    TypeKind kind();

    /** The type as written in a schema string: {@code int}, {@code decimal(10,2)}. */
    String simpleString();

    /** {@code decimal(precision, scale)}, 1 ≤ precision ≤ 38, 0 ≤ scale ≤ precision. */
    static DecimalType decimal(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    /** The singleton for a parameterless kind; decimals need {@link #decimal(int, int)}. */
    static DataType of(TypeKind kind) {
        switch (kind) {
            case BOOLEAN: return BOOLEAN;
            case INT: return INT;
            case LONG: return LONG;
            case DOUBLE: return DOUBLE;
            case STRING: return STRING;
            case DATE: return DATE;
            case TIMESTAMP: return TIMESTAMP;
            case BINARY: return BINARY;
            case DECIMAL: throw new IllegalArgumentException("decimal needs a precision and scale");
        }
        throw new AssertionError(kind);
    }

    /**
     * Parses the form {@link #simpleString()} produces: {@code int}, {@code decimal(10,2)},
     * case-insensitive, spaces allowed inside the parentheses.
     */
    static DataType parse(String text) {
        String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (trimmed.startsWith("decimal")) {
            String args = trimmed.substring("decimal".length()).trim();
            if (args.isEmpty()) {
                return decimal(10, 0); // Spark's and Hive's default for a bare DECIMAL
            }
            if (!args.startsWith("(") || !args.endsWith(")")) {
                throw new IllegalArgumentException("Invalid type '" + text + "': expected decimal(p,s)");
            }
            String[] parts = args.substring(1, args.length() - 1).split(",");
            try {
                int precision = Integer.parseInt(parts[0].trim());
                int scale = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
                if (parts.length > 2) {
                    throw new NumberFormatException();
                }
                return decimal(precision, scale);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid type '" + text + "': expected decimal(p,s)", e);
            }
        }
        for (TypeKind kind : TypeKind.values()) {
            if (kind != TypeKind.DECIMAL && of(kind).simpleString().equals(trimmed)) {
                return of(kind);
            }
        }
        throw new IllegalArgumentException("Unknown type '" + text + "': expected one of boolean, int, long, "
                + "double, decimal(p,s), string, date, timestamp, binary");
    }
}
