package io.spindle.formats.parquet;

import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.predicate.ColumnStatistics;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;

/** Converts a column chunk's Parquet statistics into Spindle's, in the Java form of the column's type. */
final class ParquetStatistics {
    private ParquetStatistics() {}

    static ColumnStatistics of(ParquetColumn column, ColumnChunkMetaData chunk, long rowCount) {
        DataType type = column.field().type();
        Statistics<?> statistics = chunk.getStatistics();
        if (statistics == null) {
            return ColumnStatistics.unknown(type, rowCount);
        }
        long nullCount = statistics.isNumNullsSet() ? statistics.getNumNulls() : -1;
        Object min = null;
        Object max = null;
        if (statistics.hasNonNullValue()) {
            min = convert(statistics.genericGetMin(), column);
            max = convert(statistics.genericGetMax(), column);
            if (min == null || max == null) {
                min = null;
                max = null;
            }
        }
        // parquet-mr and most writers leave NaN out of double bounds, so the max is never an upper
        // bound for NaN rows; see ColumnStatistics#maxIncludesNaN.
        return new ColumnStatistics(type, min, max, nullCount, rowCount, type.kind() != TypeKind.DOUBLE);
    }

    /** One bound as a Spindle value, or null when it cannot serve as a bound. */
    private static Object convert(Object raw, ParquetColumn column) {
        DataType type = column.field().type();
        switch (column.conversion()) {
            case BOOLEAN: return raw;
            case INT32_TO_INT:
                return type.kind() == TypeKind.DATE ? LocalDate.ofEpochDay((Integer) raw) : raw;
            case INT32_TO_LONG: return integral(((Integer) raw).longValue(), type);
            case UINT32_TO_LONG: return Integer.toUnsignedLong((Integer) raw);
            case INT64: return type.kind() == TypeKind.TIMESTAMP ? Timestamps.toInstant((Long) raw) : integral((Long) raw, type);
            case INT64_MILLIS_TO_MICROS: return Timestamps.toInstant(Math.multiplyExact((Long) raw, 1000L));
            case INT64_NANOS_TO_MICROS: return Timestamps.toInstant(Math.floorDiv((Long) raw, 1000L));
            case INT96_TO_MICROS: return null; // INT96 statistics use an undefined order; ignore them
            case FLOAT_TO_DOUBLE: return ((Float) raw).doubleValue();
            case DOUBLE: return raw;
            case BYTES: return bytes((Binary) raw, type);
            case BYTES_TO_DECIMAL_LONG:
            case BYTES_TO_DECIMAL_WIDE:
                return new BigDecimal(new BigInteger(((Binary) raw).getBytes()), ((DecimalType) type).scale());
            case INT32_TO_DECIMAL_WIDE: return integral(((Integer) raw).longValue(), type);
            case INT64_TO_DECIMAL_WIDE: return integral((Long) raw, type);
        }
        throw new AssertionError(column.conversion());
    }

    private static Object integral(long value, DataType type) {
        return type instanceof DecimalType decimal ? BigDecimal.valueOf(value, decimal.scale()) : (Object) value;
    }

    /** Strings must decode strictly: a bound truncated inside a UTF-8 sequence is not a bound. */
    private static Object bytes(Binary raw, DataType type) {
        if (type.kind() == TypeKind.BINARY) {
            return raw.getBytes();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
