package io.spindle.formats.layout;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the schemas of a table's files into one, as Spark's {@code mergeSchema} does for
 * Parquet: columns are matched by name ignoring case; the first file's columns come first, in its
 * order, then columns other files add, in the order first seen. A column missing from some file,
 * or nullable in any, is nullable in the result (readers read a missing column as nulls).
 *
 * <p>Types widen only without loss: int with long is long; two decimals are the decimal that
 * holds both exactly (max integer digits + max scale), if that fits 38 digits. Anything else —
 * string against long, int against double, date against timestamp — fails with an
 * {@link IncompatibleSchemaException} naming the column and the two files that disagree, since
 * silently reading one of them as the other type would change values.
 */
public final class SchemaMerger {
    private SchemaMerger() {}

    /**
     * @param schemas file path to that file's schema, in the order the files should be considered
     *     (usually the listing order, so the result is deterministic)
     * @throws IncompatibleSchemaException when a column's types cannot be merged
     */
    public static Schema merge(Map<String, Schema> schemas) throws IncompatibleSchemaException {
        Map<String, MergedColumn> columns = new LinkedHashMap<>();
        boolean firstFile = true;
        for (Map.Entry<String, Schema> file : schemas.entrySet()) {
            for (Field field : file.getValue().fields()) {
                String key = field.name().toLowerCase(Locale.ROOT);
                MergedColumn column = columns.get(key);
                if (column == null) {
                    // A column first seen after the first file is absent from earlier files: null there.
                    columns.put(key, new MergedColumn(field, file.getKey(), !firstFile));
                } else {
                    column.add(field, file.getKey());
                }
            }
            for (MergedColumn column : columns.values()) {
                if (!file.getValue().contains(column.field.name())) {
                    column.nullable = true;
                }
            }
            firstFile = false;
        }
        List<Field> fields = new ArrayList<>(columns.size());
        for (MergedColumn column : columns.values()) {
            fields.add(new Field(column.field.name(), column.field.type(), column.nullable || column.field.nullable()));
        }
        return new Schema(fields);
    }

    /** The type that holds both types' values exactly, if any. */
    public static Optional<DataType> wider(DataType left, DataType right) {
        if (left.equals(right)) {
            return Optional.of(left);
        }
        TypeKind a = left.kind();
        TypeKind b = right.kind();
        if ((a == TypeKind.INT && b == TypeKind.LONG) || (a == TypeKind.LONG && b == TypeKind.INT)) {
            return Optional.of(DataType.LONG);
        }
        if (a == TypeKind.DECIMAL && b == TypeKind.DECIMAL) {
            DecimalType l = (DecimalType) left;
            DecimalType r = (DecimalType) right;
            int scale = Math.max(l.scale(), r.scale());
            int precision = Math.max(l.precision() - l.scale(), r.precision() - r.scale()) + scale;
            return precision <= DecimalType.MAX_PRECISION ? Optional.of(DataType.decimal(precision, scale)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A column as merged so far, with the file that gave it its current type (for error messages). */
    private static final class MergedColumn {
        private Field field;
        private String typeSource;
        private boolean nullable;

        MergedColumn(Field field, String typeSource, boolean nullable) {
            this.field = field;
            this.typeSource = typeSource;
            this.nullable = nullable;
        }

        void add(Field other, String file) throws IncompatibleSchemaException {
            Optional<DataType> merged = wider(field.type(), other.type());
            if (merged.isEmpty()) {
                throw new IncompatibleSchemaException(field.name(), typeSource, field.type().simpleString(), file,
                        other.type().simpleString());
            }
            if (!merged.get().equals(field.type())) {
                field = new Field(field.name(), merged.get(), field.nullable());
                typeSource = file;
            }
            nullable |= other.nullable();
        }
    }
}
