package io.spindle.metastore;

/**
 * How a table's files are stored, as detected from its serde and input format. Delimited text
 * (Hive's {@code LazySimpleSerDe}, {@code OpenCSVSerde}) is {@link #CSV} with the table's
 * delimiter; {@link #TEXT} is the one-string-column-per-line case.
 */
public enum StorageFormat {
    PARQUET,
    ORC,
    /** One row per line in a single string column (Spindle's and Spark's {@code text}). */
    TEXT,
    /** Delimited text; the delimiter, quote and null marker are in the table's storage properties. */
    CSV,
    /** JSON lines ({@code org.apache.hadoop.hive.serde2.JsonSerDe} and hcatalog's). */
    JSON
}
