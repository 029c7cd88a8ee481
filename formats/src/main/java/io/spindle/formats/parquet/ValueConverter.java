package io.spindle.formats.parquet;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.batch.Timestamps;

/**
 * Reads {@code count} non-null values from a page into rows {@code [offset, offset + count)} of a
 * vector, converting per {@link Conversion}. Fixed-width values go straight into the vector's
 * array; the callers handle nulls by calling this once per run of non-null rows.
 */
final class ValueConverter {
    /**
     * Julian day number of 1970-01-01. INT96 timestamps count days from the Julian epoch; Spindle
     * treats that count as proleptic Gregorian, which is what Spark 3+ writes (its "CORRECTED"
     * rebase mode) and what every writer produces for dates after 1582-10-15.
     */
    static final int JULIAN_DAY_OF_EPOCH = 2_440_588;

    private int[] intScratch = new int[0];

    void read(Conversion conversion, PageValues values, ColumnVector vector, int offset, int count) {
        switch (conversion) {
            case BOOLEAN -> values.readBooleans(((BooleanVector) vector).values(), offset, count);
            case INT32_TO_INT -> values.readInts(((IntVector) vector).values(), offset, count);
            case INT32_TO_LONG, UINT32_TO_LONG -> readIntsAsLongs(conversion, values, (LongVector) vector, offset, count);
            case INT64 -> values.readLongs(((LongVector) vector).values(), offset, count);
            case INT64_MILLIS_TO_MICROS -> {
                long[] target = ((LongVector) vector).values();
                values.readLongs(target, offset, count);
                for (int i = offset; i < offset + count; i++) {
                    target[i] = Math.multiplyExact(target[i], 1000L);
                }
            }
            case INT64_NANOS_TO_MICROS -> {
                long[] target = ((LongVector) vector).values();
                values.readLongs(target, offset, count);
                for (int i = offset; i < offset + count; i++) {
                    target[i] = Math.floorDiv(target[i], 1000L);
                }
            }
            case INT96_TO_MICROS -> {
                long[] target = ((LongVector) vector).values();
                values.readBinaries(count, (i, buffer, start, length) ->
                        target[offset + i] = int96ToMicros(buffer, start));
            }
            case FLOAT_TO_DOUBLE -> values.readFloats(((DoubleVector) vector).values(), offset, count);
            case DOUBLE -> values.readDoubles(((DoubleVector) vector).values(), offset, count);
            case BYTES -> {
                BytesVector target = (BytesVector) vector;
                values.readBinaries(count, (i, buffer, start, length) -> target.set(offset + i, buffer, start, length));
            }
            case BYTES_TO_DECIMAL_LONG -> {
                long[] target = ((LongVector) vector).values();
                values.readBinaries(count, (i, buffer, start, length) ->
                        target[offset + i] = bigEndianToLong(buffer, start, length));
            }
            case BYTES_TO_DECIMAL_WIDE -> {
                DecimalVector target = (DecimalVector) vector;
                values.readBinaries(count, (i, buffer, start, length) -> setWide(target, offset + i, buffer, start, length));
            }
            case INT32_TO_DECIMAL_WIDE -> readIntsAsWideDecimals(values, (DecimalVector) vector, offset, count);
            case INT64_TO_DECIMAL_WIDE -> readLongsAsWideDecimals(values, (DecimalVector) vector, offset, count);
        }
    }

    /**
     * An INT96 timestamp: 8 bytes of nanoseconds within the day, then 4 bytes of Julian day, both
     * little-endian, read as UTC (Spark's reading; Hive's optional local-time conversion is not applied).
     */
    static long int96ToMicros(byte[] buffer, int offset) {
        long nanosOfDay = 0;
        for (int i = 7; i >= 0; i--) {
            nanosOfDay = (nanosOfDay << 8) | (buffer[offset + i] & 0xFF);
        }
        int julianDay = (buffer[offset + 8] & 0xFF) | (buffer[offset + 9] & 0xFF) << 8
                | (buffer[offset + 10] & 0xFF) << 16 | (buffer[offset + 11] & 0xFF) << 24;
        return (julianDay - (long) JULIAN_DAY_OF_EPOCH) * Timestamps.MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
    }

    /** The low 64 bits of a big-endian two's complement integer; exact when the value fits a long. */
    static long bigEndianToLong(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        long value = buffer[offset] < 0 ? -1L : 0L;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (buffer[offset + i] & 0xFF);
        }
        return value;
    }

    private static void setWide(DecimalVector target, int row, byte[] buffer, int start, int length) {
        if (length == 0) {
            target.set(row, 0, 0);
        } else if (length > 16) {
            throw new IllegalStateException("Decimal of " + length + " bytes exceeds 128 bits");
        } else {
            target.setBigEndian(row, buffer, start, length);
        }
    }

    private void readIntsAsLongs(Conversion conversion, PageValues values, LongVector vector, int offset, int count) {
        int[] ints = intScratch(count);
        values.readInts(ints, 0, count);
        long[] target = vector.values();
        if (conversion == Conversion.UINT32_TO_LONG) {
            for (int i = 0; i < count; i++) {
                target[offset + i] = Integer.toUnsignedLong(ints[i]);
            }
        } else {
            for (int i = 0; i < count; i++) {
                target[offset + i] = ints[i];
            }
        }
    }

    private void readIntsAsWideDecimals(PageValues values, DecimalVector vector, int offset, int count) {
        int[] ints = intScratch(count);
        values.readInts(ints, 0, count);
        for (int i = 0; i < count; i++) {
            vector.set(offset + i, ints[i] < 0 ? -1L : 0L, ints[i]);
        }
    }

    private static void readLongsAsWideDecimals(PageValues values, DecimalVector vector, int offset, int count) {
        long[] longs = new long[count];
        values.readLongs(longs, 0, count);
        for (int i = 0; i < count; i++) {
            vector.set(offset + i, longs[i] < 0 ? -1L : 0L, longs[i]);
        }
    }

    private int[] intScratch(int count) {
        if (intScratch.length < count) {
            intScratch = new int[Math.max(count, 1024)];
        }
        return intScratch;
    }
}
