package io.spindle.formats.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * A named column of a {@link Schema}. Names keep the case they were given; lookups in a schema
 * ignore case, as Spark's and Hive's do.
 */
public final class Field implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType type;
    private final boolean nullable;

    public Field(String name, DataType type, boolean nullable) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A field needs a non-empty name");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.nullable = nullable;
    }

    /** A nullable field, the common case for columns read from files. */
    public static Field of(String name, DataType type) {
        return new Field(name, type, true);
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Field)) {
            return false;
        }
        Field that = (Field) other;
        return name.equals(that.name) && type.equals(that.type) && nullable == that.nullable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable);
    }

    /** {@code name:type}, with {@code not null} for non-nullable fields. */
    @Override
    public String toString() {
        return name + ":" + type.simpleString() + (nullable ? "" : " not null");
    }
}
