package io.spindle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link DataFrameWriter} was told, for a table write.
 *
 * @param mode error / errorifexists (the default), append, overwrite, ignore
 * @param staticPartitions partition values fixed by {@code .partition(column, value)}, in call order
 * @param partitionBy partition columns of a table {@code saveAsTable} creates
 * @param format parquet (the default) or orc, for a table {@code saveAsTable} creates
 * @param options {@code partitionOverwriteMode} (dynamic: replace the partitions the data touches, the
 *     default; static: replace every partition within the static partition, i.e. the whole table
 *     without one), {@code dryRun}, {@code path} (an external table's location for saveAsTable)
 */
record TableWriteSettings(String mode, Map<String, Object> staticPartitions, List<String> partitionBy,
        String format, Map<String, String> options) {

    static final String PARTITION_OVERWRITE_MODE = "partitionoverwritemode";
    static final String DRY_RUN = "dryrun";
    static final String PATH = "path";

    TableWriteSettings {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!List.of("error", "errorifexists", "append", "overwrite", "ignore").contains(mode)) {
            throw new IllegalArgumentException("Unknown save mode '" + mode + "'; use error, errorifexists, append, "
                    + "overwrite or ignore");
        }
        staticPartitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(staticPartitions));
        partitionBy = List.copyOf(partitionBy);
        Map<String, String> lower = new LinkedHashMap<>();
        options.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        options = Map.copyOf(lower);
        String overwrite = options.getOrDefault(PARTITION_OVERWRITE_MODE, "dynamic").toLowerCase(Locale.ROOT);
        if (!overwrite.equals("dynamic") && !overwrite.equals("static")) {
            throw new IllegalArgumentException("Unknown partitionOverwriteMode '" + overwrite + "'; use dynamic (replace "
                    + "only the partitions the data has rows for) or static (replace the whole table, or everything "
                    + "within the static partition)");
        }
    }

    boolean dryRun() {
        return Boolean.parseBoolean(options.getOrDefault(DRY_RUN, "false"));
    }

    boolean wholeTableOverwrite() {
        return options.getOrDefault(PARTITION_OVERWRITE_MODE, "dynamic").equalsIgnoreCase("static");
    }
}
