package io.spindle.metastore;

/** What went wrong in a catalog operation; callers branch on this, never on message text. */
public enum CatalogErrorCode {
    /** The metastore could not be reached after the configured attempts. */
    CONNECTION_FAILED,
    /** A table or database name that cannot be parsed. */
    INVALID_NAME,
    DATABASE_NOT_FOUND,
    TABLE_NOT_FOUND,
    COLUMN_NOT_FOUND,
    /** A database or table that a create would replace. */
    ALREADY_EXISTS,
    /** A column type Spindle cannot represent (map, array, struct, union, interval, ...). */
    UNSUPPORTED_TYPE,
    /** A table whose storage Spindle cannot read or write (a view, an ACID table, an unknown serde). */
    UNSUPPORTED_TABLE,
    /** A write whose partitions do not fit the table, or whose files are missing. */
    INVALID_WRITE,
    /** Publishing a write failed; the table was left as it was before the write. */
    PUBLICATION_FAILED,
    /** Any other error the metastore reported. */
    METASTORE_ERROR
}
