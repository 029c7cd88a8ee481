package io.spindle.plan.physical;

import io.spindle.formats.FileFormat;
import io.spindle.formats.parquet.ParquetFileFormat;
import java.util.Locale;

/** File formats by name; the one place a format name becomes an implementation. */
public final class FileFormats {
    private FileFormats() {}

    public static FileFormat byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "parquet": return new ParquetFileFormat();
            case "orc": return new io.spindle.formats.orc.OrcFileFormat();
            case "text": return new io.spindle.formats.text.TextFileFormat();
            default: throw new IllegalArgumentException("Unknown file format '" + name + "'; supported: parquet, orc, text");
        }
    }

    public static FileFormat byName(String name, int batchSize) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "parquet": return new ParquetFileFormat(batchSize);
            case "orc": return new io.spindle.formats.orc.OrcFileFormat(batchSize,
                    io.spindle.formats.orc.OrcWriteOptions.defaults());
            case "text": return new io.spindle.formats.text.TextFileFormat(batchSize);
            default: throw new IllegalArgumentException("Unknown file format '" + name + "'; supported: parquet, orc, text");
        }
    }
}
