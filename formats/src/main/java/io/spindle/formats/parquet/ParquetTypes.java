package io.spindle.formats.parquet;

import io.spindle.formats.FormatException;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Mapping between Spindle types and Parquet's. Writing follows Spark: decimals as INT32 / INT64 /
 * FIXED_LEN_BYTE_ARRAY by precision, timestamps as INT64 TIMESTAMP(MICROS, UTC), dates as INT32
 * DATE, strings as BINARY STRING. Reading also accepts what other writers produce: INT96 and
 * millisecond/nanosecond timestamps, FLOAT, small and unsigned ints, BINARY decimals.
 */
final class ParquetTypes {
    private ParquetTypes() {}

    static MessageType toParquet(Schema schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : schema.fields()) {
            message.addField(toParquet(field));
        }
        return message.named("spindle_schema");
    }

    private static Type toParquet(Field field) {
        Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        DataType type = field.type();
        switch (type.kind()) {
            case BOOLEAN: return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
            case INT: return Types.primitive(PrimitiveTypeName.INT32, repetition).named(field.name());
            case LONG: return Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
            case DOUBLE: return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(field.name());
            case DATE:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(field.name());
            case TIMESTAMP:
                return Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(field.name());
            case STRING:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(field.name());
            case BINARY: return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(field.name());
            case DECIMAL: return decimalToParquet((DecimalType) type, repetition, field.name());
        }
        throw new AssertionError(type);
    }

    private static Type decimalToParquet(DecimalType type, Type.Repetition repetition, String name) {
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
        if (type.precision() <= DecimalType.MAX_INT_PRECISION) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
        }
        if (type.fitsInLong()) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(bytesForPrecision(type.precision())).as(annotation).named(name);
    }

    /** Fewest bytes whose two's complement range holds every unscaled value of the precision. */
    static int bytesForPrecision(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    /** The Spindle schema of a file; fails naming the first column Spindle cannot represent. */
    static Schema toSpindle(MessageType fileSchema, String path) throws FormatException {
        List<Field> fields = new ArrayList<>();
        for (Type column : fileSchema.getFields()) {
            PrimitiveType primitive = requireFlat(column, path);
            fields.add(new Field(column.getName(), naturalType(primitive, path),
                    column.getRepetition() != Type.Repetition.REQUIRED));
        }
        return new Schema(fields);
    }

    /**
     * Resolves a required field against the file: the file column with the same name (exact case
     * first, then ignoring case) and the conversion into the required type.
     */
    static ParquetColumn resolve(Field required, MessageType fileSchema, String path) throws FormatException {
        Type column = findColumn(required.name(), fileSchema, path);
        if (column == null) {
            return ParquetColumn.missing(required);
        }
        PrimitiveType primitive = requireFlat(column, path);
        DataType natural = naturalType(primitive, path);
        if (!canRead(natural, required.type())) {
            throw new FormatException(path, "column '" + column.getName() + "' is " + primitive
                    + " (" + natural + ") and cannot be read as " + required.type());
        }
        return new ParquetColumn(required, fileSchema.getColumnDescription(new String[] {column.getName()}),
                conversion(primitive, required.type()));
    }

    private static Type findColumn(String name, MessageType fileSchema, String path) throws FormatException {
        if (fileSchema.containsField(name)) {
            return fileSchema.getType(name);
        }
        Type match = null;
        for (Type column : fileSchema.getFields()) {
            if (column.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (match != null) {
                    throw new FormatException(path, "column '" + name + "' is ambiguous: the file has both '"
                            + match.getName() + "' and '" + column.getName() + "'");
                }
                match = column;
            }
        }
        return match;
    }

    private static PrimitiveType requireFlat(Type column, String path) throws FormatException {
        if (!column.isPrimitive() || column.getRepetition() == Type.Repetition.REPEATED) {
            throw new FormatException(path, "column '" + column.getName() + "' is nested ("
                    + column.toString().trim().replaceAll("\\s+", " ") + "); nested columns are not supported");
        }
        return column.asPrimitiveType();
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

    /** The type a column reads as when nobody asks for another. */
    static DataType naturalType(PrimitiveType primitive, String path) throws FormatException {
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
            if (decimal.getPrecision() > DecimalType.MAX_PRECISION) {
                throw unsupported(primitive, path);
            }
            return DataType.decimal(decimal.getPrecision(), decimal.getScale());
        }
        switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN: return annotation == null ? DataType.BOOLEAN : unsupportedType(primitive, path);
            case INT32: return int32Type(primitive, annotation, path);
            case INT64: return int64Type(primitive, annotation, path);
            case INT96: return DataType.TIMESTAMP;
            case FLOAT:
            case DOUBLE:
                return DataType.DOUBLE;
            case BINARY:
                return annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        ? DataType.STRING : DataType.BINARY;
            case FIXED_LEN_BYTE_ARRAY:
                return annotation instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation
                        ? unsupportedType(primitive, path) : DataType.BINARY;
        }
        throw new AssertionError(primitive);
    }

    private static DataType int32Type(PrimitiveType primitive, LogicalTypeAnnotation annotation, String path)
            throws FormatException {
        if (annotation == null) {
            return DataType.INT;
        }
        if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return DataType.DATE;
        }
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            return integer.isSigned() || integer.getBitWidth() < 32 ? DataType.INT : DataType.LONG;
        }
        return unsupportedType(primitive, path);
    }

    private static DataType int64Type(PrimitiveType primitive, LogicalTypeAnnotation annotation, String path)
            throws FormatException {
        if (annotation == null) {
            return DataType.LONG;
        }
        if (annotation instanceof TimestampLogicalTypeAnnotation) {
            return DataType.TIMESTAMP;
        }
        if (annotation instanceof IntLogicalTypeAnnotation integer && integer.isSigned()) {
            return DataType.LONG;
        }
        return unsupportedType(primitive, path);
    }

    private static Conversion conversion(PrimitiveType primitive, DataType target) {
        boolean wideDecimal = target instanceof DecimalType decimal && !decimal.fitsInLong();
        switch (primitive.getPrimitiveTypeName()) {
            case BOOLEAN: return Conversion.BOOLEAN;
            case INT32:
                if (wideDecimal) {
                    return Conversion.INT32_TO_DECIMAL_WIDE;
                }
                if (target.kind() == TypeKind.INT || target.kind() == TypeKind.DATE) {
                    return Conversion.INT32_TO_INT;
                }
                return primitive.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation integer
                        && !integer.isSigned() ? Conversion.UINT32_TO_LONG : Conversion.INT32_TO_LONG;
            case INT64: return wideDecimal ? Conversion.INT64_TO_DECIMAL_WIDE : int64Conversion(primitive);
            case INT96: return Conversion.INT96_TO_MICROS;
            case FLOAT: return Conversion.FLOAT_TO_DOUBLE;
            case DOUBLE: return Conversion.DOUBLE;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (target.kind() != TypeKind.DECIMAL) {
                    return Conversion.BYTES;
                }
                return wideDecimal ? Conversion.BYTES_TO_DECIMAL_WIDE : Conversion.BYTES_TO_DECIMAL_LONG;
        }
        throw new AssertionError(primitive);
    }

    private static Conversion int64Conversion(PrimitiveType primitive) {
        if (primitive.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation timestamp) {
            switch (timestamp.getUnit()) {
                case MILLIS: return Conversion.INT64_MILLIS_TO_MICROS;
                case MICROS: return Conversion.INT64;
                case NANOS: return Conversion.INT64_NANOS_TO_MICROS;
            }
        }
        return Conversion.INT64;
    }

    private static DataType unsupportedType(PrimitiveType primitive, String path) throws FormatException {
        throw unsupported(primitive, path);
    }

    private static FormatException unsupported(PrimitiveType primitive, String path) {
        return new FormatException(path, "column '" + primitive.getName() + "' has type " + primitive
                + ", which Spindle cannot read");
    }
}
