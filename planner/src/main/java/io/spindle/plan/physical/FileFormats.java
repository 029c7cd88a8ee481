package io.spindle.plan.physical;

import io.spindle.formats.FileFormat;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.csv.CsvFileFormat;
import io.spindle.formats.json.JsonLinesFileFormat;
import io.spindle.formats.orc.OrcFileFormat;
import io.spindle.formats.orc.OrcWriteOptions;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.text.TextFileFormat;
import io.spindle.plan.logical.FormatSpec;

/** File formats by name and options; the one place a format name becomes an implementation. */
public final class FileFormats {
    private FileFormats() {}

    public static FileFormat byName(String name) {
        return create(FormatSpec.of(name), ColumnBatch.DEFAULT_CAPACITY);
    }

    public static FileFormat byName(String name, int batchSize) {
        return create(FormatSpec.of(name), batchSize);
    }

    /** The format {@code spec} describes, producing batches of {@code batchSize} rows. */
    public static FileFormat create(FormatSpec spec, int batchSize) {
        switch (spec.name()) {
            case "parquet": return new ParquetFileFormat(batchSize);
            case "orc": return new OrcFileFormat(batchSize, OrcWriteOptions.defaults());
            case "csv": return new CsvFileFormat(FormatOptions.csv(spec), batchSize);
            case "json": return new JsonLinesFileFormat(FormatOptions.json(spec), batchSize);
            case "text": return new TextFileFormat(batchSize);
            default: throw new IllegalArgumentException("Unknown file format '" + spec.name()
                    + "'; supported: parquet, orc, csv, json, text");
        }
    }
}
