package io.spindle.formats.types;

/**
 * The closed set of Spindle column types, for exhaustive switches. Each kind names the value it
 * holds and the Java object the row-oriented view maps it to.
 */
public enum TypeKind {
    /** true/false; Java {@link Boolean}. */
    BOOLEAN,
    /** 32-bit signed integer; Java {@link Integer}. */
    INT,
    /** 64-bit signed integer; Java {@link Long}. */
    LONG,
    /** IEEE 754 double; Java {@link Double}. */
    DOUBLE,
    /** Fixed-point decimal, precision up to 38; Java {@link java.math.BigDecimal} with the type's scale. */
    DECIMAL,
    /** UTF-8 text; Java {@link String}. */
    STRING,
    /** Days since 1970-01-01 in the proleptic Gregorian calendar; Java {@link java.time.LocalDate}. */
    DATE,
    /** Microseconds since 1970-01-01T00:00:00Z; Java {@link java.time.Instant}. */
    TIMESTAMP,
    /** Uninterpreted bytes; Java {@code byte[]}. */
    BINARY
}
