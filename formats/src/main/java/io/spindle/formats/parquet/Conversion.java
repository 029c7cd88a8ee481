package io.spindle.formats.parquet;

/**
 * How the values of one Parquet physical type become the values of a Spindle vector. Chosen once
 * per column when a reader opens a file ({@link ParquetTypes#resolve}), then applied per batch by
 * {@link ValueConverter}.
 */
enum Conversion {
    /** BOOLEAN to boolean. */
    BOOLEAN,
    /** INT32 (int, date, small int, decimal p ≤ 9 into an int-backed vector never happens) to int. */
    INT32_TO_INT,
    /** INT32 widened to a 64-bit vector: long, or a decimal held as an unscaled long. */
    INT32_TO_LONG,
    /** Unsigned INT32 (UINT_32) to long, reinterpreting the bits. */
    UINT32_TO_LONG,
    /** INT64 as is: long, timestamp in micros, decimal as an unscaled long. */
    INT64,
    /** INT64 TIMESTAMP(MILLIS) to micros. */
    INT64_MILLIS_TO_MICROS,
    /** INT64 TIMESTAMP(NANOS) to micros, rounding toward the past. */
    INT64_NANOS_TO_MICROS,
    /** Legacy INT96 timestamp (Julian day and nanos of day, as Hive, Impala and Spark write) to micros. */
    INT96_TO_MICROS,
    /** FLOAT widened to double. */
    FLOAT_TO_DOUBLE,
    /** DOUBLE to double. */
    DOUBLE,
    /** BINARY or FIXED_LEN_BYTE_ARRAY to string or binary bytes. */
    BYTES,
    /** Big-endian two's complement BINARY / FIXED_LEN_BYTE_ARRAY decimal to an unscaled long. */
    BYTES_TO_DECIMAL_LONG,
    /** Big-endian two's complement BINARY / FIXED_LEN_BYTE_ARRAY decimal to a 128-bit decimal vector. */
    BYTES_TO_DECIMAL_WIDE,
    /** INT32 decimal to a 128-bit decimal vector (the reader asked for a wider decimal). */
    INT32_TO_DECIMAL_WIDE,
    /** INT64 decimal to a 128-bit decimal vector. */
    INT64_TO_DECIMAL_WIDE
}
