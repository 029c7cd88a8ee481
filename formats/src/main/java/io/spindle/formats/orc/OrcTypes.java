package io.spindle.formats.orc;

import io.spindle.formats.FormatException;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.orc.TypeDescription;

/**
 * Mapping between Spindle types and ORC's. Writing: boolean, int, bigint, double, decimal(p,s),
 * string, date, timestamp (stored relative to UTC) and binary. Reading also accepts tinyint,
 * smallint, float, char, varchar and timestamp with local time zone. Nested types (struct, list,
 * map, union) are not supported: a required nested column fails naming the column and file.
 */
final class OrcTypes {
    private OrcTypes() {}

    static TypeDescription toOrc(Schema schema) {
        TypeDescription struct = TypeDescription.createStruct();
        for (Field field : schema.fields()) {
            struct.addField(field.name(), toOrc(field.type()));
        }
        return struct;
    }

    private static TypeDescription toOrc(DataType type) {
        switch (type.kind()) {
            case BOOLEAN: return TypeDescription.createBoolean();
            case INT: return TypeDescription.createInt();
            case LONG: return TypeDescription.createLong();
            case DOUBLE: return TypeDescription.createDouble();
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                // Scale first: the default decimal(38,10) cannot take a precision below 10 while its scale is 10.
                return TypeDescription.createDecimal().withScale(decimal.scale()).withPrecision(decimal.precision());
            case STRING: return TypeDescription.createString();
            case DATE: return TypeDescription.createDate();
            case TIMESTAMP: return TypeDescription.createTimestamp();
            case BINARY: return TypeDescription.createBinary();
        }
        throw new AssertionError(type);
    }

    /** The Spindle schema of a file; fails naming the first nested column. */
    static Schema toSpindle(TypeDescription fileSchema, String path) throws FormatException {
        requireStruct(fileSchema, path);
        List<Field> fields = new ArrayList<>();
        List<String> names = fileSchema.getFieldNames();
        for (int i = 0; i < names.size(); i++) {
            fields.add(Field.of(names.get(i), naturalType(names.get(i), fileSchema.getChildren().get(i), path)));
        }
        return new Schema(fields);
    }

    /**
     * Resolves a required field against the file's top-level columns: exact name first, then
     * ignoring case (Hive lower-cases names, writers may not), and the conversion to the required type.
     */
    static OrcColumn resolve(Field required, TypeDescription fileSchema, String path) throws FormatException {
        List<String> names = fileSchema.getFieldNames();
        int index = names.indexOf(required.name());
        if (index < 0) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).toLowerCase(Locale.ROOT).equals(required.name().toLowerCase(Locale.ROOT))) {
                    if (index >= 0) {
                        throw new FormatException(path, "column '" + required.name() + "' is ambiguous: the file has both '"
                                + names.get(index) + "' and '" + names.get(i) + "'");
                    }
                    index = i;
                }
            }
        }
        if (index < 0) {
            return OrcColumn.missing(required);
        }
        String name = names.get(index);
        TypeDescription fileType = fileSchema.getChildren().get(index);
        DataType natural = naturalType(name, fileType, path);
        if (!canRead(natural, required.type())) {
            throw new FormatException(path, "column '" + name + "' is " + fileType + " (" + natural
                    + ") and cannot be read as " + required.type());
        }
        return new OrcColumn(required, index, name, fileType, conversion(fileType, required.type()));
    }

    static void requireStruct(TypeDescription fileSchema, String path) throws FormatException {
        if (fileSchema.getCategory() != TypeDescription.Category.STRUCT) {
            throw new FormatException(path, "the file's root type is " + fileSchema + ", not a struct of columns");
        }
    }

    /** The type a column reads as when nobody asks for another. */
    static DataType naturalType(String name, TypeDescription type, String path) throws FormatException {
        switch (type.getCategory()) {
            case BOOLEAN: return DataType.BOOLEAN;
            case BYTE:
            case SHORT:
            case INT:
                return DataType.INT;
            case LONG: return DataType.LONG;
            case FLOAT:
            case DOUBLE:
                return DataType.DOUBLE;
            case DECIMAL: return DataType.decimal(type.getPrecision(), type.getScale());
            case STRING:
            case CHAR:
            case VARCHAR:
                return DataType.STRING;
            case BINARY: return DataType.BINARY;
            case DATE: return DataType.DATE;
            case TIMESTAMP:
            case TIMESTAMP_INSTANT:
                return DataType.TIMESTAMP;
            case STRUCT:
            case LIST:
            case MAP:
            case UNION:
                throw new FormatException(path, "column '" + name + "' is nested (" + type
                        + "); nested columns are not supported");
        }
        throw new FormatException(path, "column '" + name + "' has type " + type + ", which Spindle cannot read");
    }

    private static boolean canRead(DataType natural, DataType required) {
        if (natural.equals(required)) {
            return true;
        }
        TypeKind from = natural.kind();
        TypeKind to = required.kind();
        if (from == TypeKind.DECIMAL && to == TypeKind.DECIMAL) {
            DecimalType source = (DecimalType) natural;
            DecimalType target = (DecimalType) required;
            return source.scale() == target.scale() && source.precision() <= target.precision();
        }
        return (from == TypeKind.INT && to == TypeKind.LONG)
                || (from == TypeKind.BINARY && to == TypeKind.STRING)
                || (from == TypeKind.STRING && to == TypeKind.BINARY);
    }

    private static OrcConversion conversion(TypeDescription fileType, DataType required) {
        switch (required.kind()) {
            case BOOLEAN: return OrcConversion.LONG_TO_BOOLEAN;
            case INT:
            case DATE:
                return OrcConversion.LONG_TO_INT;
            case LONG: return OrcConversion.LONG_TO_LONG;
            case DOUBLE: return OrcConversion.DOUBLE;
            case DECIMAL:
                return ((DecimalType) required).fitsInLong() ? OrcConversion.DECIMAL_TO_LONG : OrcConversion.DECIMAL_TO_WIDE;
            case STRING:
            case BINARY:
                return OrcConversion.BYTES;
            case TIMESTAMP: return OrcConversion.TIMESTAMP_TO_MICROS;
        }
        throw new AssertionError(fileType);
    }
}
