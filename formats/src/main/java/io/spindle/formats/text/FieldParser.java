package io.spindle.formats.text;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * Sets one row of a vector from the UTF-8 text of a field, per the column's type. Binary fields
 * are base64, as Spark writes them. Throws {@link IllegalArgumentException} naming the problem
 * when the text is not a value of the type; the caller turns it into a malformed record.
 */
public final class FieldParser {
    private final DataType type;
    private final TypeKind kind;
    private final Optional<DateTimeFormatter> dateFormat;
    private final Optional<DateTimeFormatter> timestampFormat;

    public FieldParser(DataType type, Optional<DateTimeFormatter> dateFormat, Optional<DateTimeFormatter> timestampFormat) {
        this.type = type;
        this.kind = type.kind();
        this.dateFormat = dateFormat;
        this.timestampFormat = timestampFormat;
    }

    public DataType type() {
        return type;
    }

    /** Whether parsing can fail; string columns take any text, so readers set them last. */
    public boolean canFail() {
        return kind != TypeKind.STRING;
    }

    public void parse(ColumnVector vector, int row, byte[] bytes, int offset, int length) {
        switch (kind) {
            case BOOLEAN -> ((BooleanVector) vector).set(row, TextValues.parseBoolean(bytes, offset, length));
            case INT -> ((IntVector) vector).set(row, TextValues.parseInt(bytes, offset, length));
            case LONG -> ((LongVector) vector).set(row, TextValues.parseLong(bytes, offset, length));
            case DOUBLE -> ((DoubleVector) vector).set(row, TextValues.parseDouble(bytes, offset, length));
            case DATE -> ((IntVector) vector).set(row, TextValues.parseDate(bytes, offset, length, dateFormat));
            case TIMESTAMP -> ((LongVector) vector).set(row,
                    TextValues.parseTimestamp(bytes, offset, length, timestampFormat));
            case STRING -> ((BytesVector) vector).set(row, bytes, offset, length);
            case BINARY -> ((BytesVector) vector).set(row, decodeBase64(bytes, offset, length));
            case DECIMAL -> setDecimal(vector, row, TextValues.parseDecimal(bytes, offset, length, (DecimalType) type));
        }
    }

    private static byte[] decodeBase64(byte[] bytes, int offset, int length) {
        try {
            return Base64.getDecoder().decode(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
    }

    private static void setDecimal(ColumnVector vector, int row, BigDecimal value) {
        if (vector instanceof LongVector longs) {
            longs.set(row, value.unscaledValue().longValueExact());
        } else {
            BigInteger unscaled = value.unscaledValue();
            ((DecimalVector) vector).set(row, unscaled.shiftRight(64).longValue(), unscaled.longValue());
        }
    }
}
