package io.spindle.formats.orc;

/** How values of one ORC column vector become values of one Spindle vector; see {@link OrcVectorCopier}. */
enum OrcConversion {
    /** LongColumnVector (boolean) to BooleanVector. */
    LONG_TO_BOOLEAN,
    /** LongColumnVector (tinyint, smallint, int, date) to IntVector. */
    LONG_TO_INT,
    /** LongColumnVector (any integer) to LongVector. */
    LONG_TO_LONG,
    /** DoubleColumnVector (float, double) to DoubleVector. */
    DOUBLE,
    /** BytesColumnVector (string, char, varchar, binary) to BytesVector. */
    BYTES,
    /** Decimal64ColumnVector or DecimalColumnVector to LongVector (unscaled, precision ≤ 18). */
    DECIMAL_TO_LONG,
    /** Decimal64ColumnVector or DecimalColumnVector to DecimalVector (128-bit unscaled). */
    DECIMAL_TO_WIDE,
    /** TimestampColumnVector to LongVector of micros since the epoch. */
    TIMESTAMP_TO_MICROS
}
