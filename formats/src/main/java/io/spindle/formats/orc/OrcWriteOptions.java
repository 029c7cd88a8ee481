package io.spindle.formats.orc;

import java.util.Optional;
import org.apache.orc.CompressionKind;

/**
 * ORC-specific write settings that {@link io.spindle.formats.WriteOptions} does not carry. By
 * default the codec follows {@code WriteOptions.compression()} (snappy → SNAPPY, gzip → ZLIB, zstd
 * → ZSTD, none → NONE) and the stripe size follows {@code rowGroupSize()}; {@code codec} overrides
 * the former, e.g. with LZ4, which the generic enum lacks.
 *
 * @param codec codec to use instead of the one WriteOptions names
 * @param rowIndexStride rows per row group (index entry): the unit of skipping inside a stripe
 * @param bloomFilterColumns comma-separated columns that get bloom filters (equality skipping), or empty
 */
public record OrcWriteOptions(Optional<CompressionKind> codec, int rowIndexStride, String bloomFilterColumns) {
    /** ORC's and Hive's default row index stride. */
    public static final int DEFAULT_ROW_INDEX_STRIDE = 10_000;

    public OrcWriteOptions {
        if (rowIndexStride < 1000) {
            throw new IllegalArgumentException("ORC row index stride must be at least 1000, got " + rowIndexStride);
        }
        if (codec.isPresent() && (codec.get() == CompressionKind.LZO || codec.get() == CompressionKind.BROTLI)) {
            throw new IllegalArgumentException("ORC codec " + codec.get()
                    + " is not supported: use none, zlib, snappy, lz4 or zstd");
        }
    }

    public static OrcWriteOptions defaults() {
        return new OrcWriteOptions(Optional.empty(), DEFAULT_ROW_INDEX_STRIDE, "");
    }

    public OrcWriteOptions withCodec(CompressionKind kind) {
        return new OrcWriteOptions(Optional.of(kind), rowIndexStride, bloomFilterColumns);
    }

    public OrcWriteOptions withRowIndexStride(int stride) {
        return new OrcWriteOptions(codec, stride, bloomFilterColumns);
    }

    public OrcWriteOptions withBloomFilterColumns(String columns) {
        return new OrcWriteOptions(codec, rowIndexStride, columns);
    }
}
