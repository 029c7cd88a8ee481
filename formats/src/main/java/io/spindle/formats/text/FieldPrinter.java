package io.spindle.formats.text;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * The text of one non-null, non-string value, as {@link FieldParser} reads it back: ISO dates and
 * timestamps (UTC, {@code Z}), plain decimals at the column's scale, Java's shortest round-tripping
 * doubles ({@code NaN}, {@code Infinity}), base64 binary. Strings are written by the callers, which
 * quote or escape them per format.
 */
public final class FieldPrinter {
    private final Optional<DateTimeFormatter> dateFormat;
    private final Optional<DateTimeFormatter> timestampFormat;

    public FieldPrinter(Optional<DateTimeFormatter> dateFormat, Optional<DateTimeFormatter> timestampFormat) {
        this.dateFormat = dateFormat;
        this.timestampFormat = timestampFormat;
    }

    public String print(ColumnVector vector, int row) {
        switch (vector.type().kind()) {
            case BOOLEAN: return ((BooleanVector) vector).values()[row] ? "true" : "false";
            case INT: return Integer.toString(((IntVector) vector).values()[row]);
            case LONG: return Long.toString(((LongVector) vector).values()[row]);
            case DOUBLE: return Double.toString(((DoubleVector) vector).values()[row]);
            case DATE: return TextValues.formatDate(((IntVector) vector).values()[row], dateFormat);
            case TIMESTAMP: return TextValues.formatTimestamp(((LongVector) vector).values()[row], timestampFormat);
            case DECIMAL:
                if (vector instanceof LongVector longs) {
                    return BigDecimal.valueOf(longs.values()[row], ((DecimalType) vector.type()).scale()).toPlainString();
                }
                return ((BigDecimal) vector.get(row)).toPlainString();
            case BINARY: return Base64.getEncoder().encodeToString(((BytesVector) vector).getBytes(row));
            case STRING: return ((BytesVector) vector).getString(row);
        }
        throw new AssertionError(vector.type());
    }
}
