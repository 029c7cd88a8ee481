package io.spindle.formats;

import io.spindle.conf.DataSize;
import java.util.Objects;

/**
 * How a writer lays out a file. Sizes are targets measured before compression, as Parquet and ORC
 * measure them.
 *
 * @param compression codec for data pages
 * @param rowGroupSize target size of a row group (ORC: stripe)
 * @param pageSize target size of a data page
 * @param dictionaryEnabled whether columns start dictionary-encoded (a writer falls back to plain
 *     encoding for a column whose dictionary grows too large)
 */
public record WriteOptions(Compression compression, DataSize rowGroupSize, DataSize pageSize,
        boolean dictionaryEnabled) {

    public WriteOptions {
        Objects.requireNonNull(compression, "compression");
        requirePositive(rowGroupSize, "rowGroupSize");
        requirePositive(pageSize, "pageSize");
        if (rowGroupSize.bytes() > Integer.MAX_VALUE || pageSize.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Row group and page sizes must be under 2g");
        }
    }

    /** Snappy, 128m row groups, 1m pages, dictionaries on: Spark's defaults. */
    public static WriteOptions defaults() {
        return new WriteOptions(Compression.SNAPPY, DataSize.ofMegabytes(128), DataSize.ofMegabytes(1), true);
    }

    public WriteOptions withCompression(Compression codec) {
        return new WriteOptions(codec, rowGroupSize, pageSize, dictionaryEnabled);
    }

    public WriteOptions withRowGroupSize(DataSize size) {
        return new WriteOptions(compression, size, pageSize, dictionaryEnabled);
    }

    public WriteOptions withPageSize(DataSize size) {
        return new WriteOptions(compression, rowGroupSize, size, dictionaryEnabled);
    }

    public WriteOptions withDictionaryEnabled(boolean enabled) {
        return new WriteOptions(compression, rowGroupSize, pageSize, enabled);
    }

    private static void requirePositive(DataSize size, String name) {
        Objects.requireNonNull(size, name);
        if (size.bytes() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + size);
        }
    }
}
