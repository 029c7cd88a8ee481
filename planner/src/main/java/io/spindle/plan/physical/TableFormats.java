package io.spindle.plan.physical;

import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.StorageFormat;
import io.spindle.plan.logical.FormatSpec;
import java.util.Map;

/**
 * The file format of a metastore table's files, with the options its storage properties imply:
 * what the table scan reads with and what table writes write with, so both agree.
 *
 * <ul>
 *   <li>Delimited text ({@link StorageFormat#CSV}): no header, the table's field delimiter
 *       (Hive's default Ctrl-A), its null marker ({@code serialization.null.format}, Hive's default
 *       {@code \N}), and the data columns by position.
 *   <li>JSON lines: the data columns by name.
 *   <li>Text: one string column per line.
 * </ul>
 */
public final class TableFormats {
    /** Hive's LazySimpleSerDe writes and reads null as this unless the table says otherwise. */
    static final String HIVE_NULL_FORMAT = "\\N";

    private TableFormats() {}

    public static FormatSpec spec(CatalogTable table) {
        StorageFormat format = table.format();
        switch (format) {
            case PARQUET:
                return FormatSpec.of("parquet");
            case ORC:
                return FormatSpec.of("orc");
            case TEXT:
                return FormatSpec.of("text");
            case CSV:
                return new FormatSpec("csv", Map.of(
                        "header", "false",
                        "delimiter", String.valueOf(table.fieldDelimiter()),
                        "nullvalue", table.storageProperties().getOrDefault("serialization.null.format",
                                HIVE_NULL_FORMAT)), table.dataSchema());
            case JSON:
                return new FormatSpec("json", Map.of(), table.dataSchema());
        }
        throw new AssertionError(format);
    }
}
