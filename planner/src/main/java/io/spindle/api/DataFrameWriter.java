package io.spindle.api;

import io.spindle.conf.SpindleKeys;
import io.spindle.formats.commit.JobCommitResult;
import io.spindle.formats.commit.WriteMode;
import io.spindle.plan.logical.FormatSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dataset.write()}: a Dataset into files, shaped like Spark's writer.
 *
 * <pre>{@code
 * events.write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
 *       .partitionBy("date").parquet("/warehouse/events");
 * }</pre>
 *
 * <p>Modes: {@code error} / {@code errorifexists} (the default: fails if the output has data),
 * {@code append}, {@code overwrite} (everything, or with {@code partitionOverwriteMode=dynamic} —
 * option or {@code spindle.write.partitionOverwriteMode} — only the partitions the data has rows
 * for), {@code ignore} (does nothing if the output has data). Every write goes through the
 * formats module's file commit protocol ({@link FileWriteJob}): a failed write leaves the output
 * as it was.
 */
public final class DataFrameWriter {
    private final Dataset dataset;
    private String format = "parquet";
    private String mode = "errorifexists";
    private final List<String> partitionColumns = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    DataFrameWriter(Dataset dataset) {
        this.dataset = dataset;
    }

    public DataFrameWriter format(String name) {
        this.format = Objects.requireNonNull(name, "format");
        return this;
    }

    /** error, errorifexists, append, overwrite or ignore (case-insensitive). */
    public DataFrameWriter mode(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!List.of("error", "errorifexists", "append", "overwrite", "ignore").contains(lower)) {
            throw new IllegalArgumentException("Unknown save mode '" + value
                    + "'; use error, errorifexists, append, overwrite or ignore");
        }
        this.mode = lower;
        return this;
    }

    public DataFrameWriter partitionBy(String... columns) {
        partitionColumns.clear();
        partitionColumns.addAll(List.of(columns));
        return this;
    }

    public DataFrameWriter option(String key, String value) {
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public DataFrameWriter option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataFrameWriter options(Map<String, String> values) {
        values.forEach(this::option);
        return this;
    }

    /** Writes the Dataset into the directory {@code path}; returns what was published (empty under ignore). */
    public JobCommitResult save(String path) {
        return FileWriteJob.run(dataset, request(path));
    }

    public JobCommitResult parquet(String path) {
        return format("parquet").save(path);
    }

    public JobCommitResult orc(String path) {
        return format("orc").save(path);
    }

    public JobCommitResult csv(String path) {
        return format("csv").save(path);
    }

    public JobCommitResult json(String path) {
        return format("json").save(path);
    }

    public JobCommitResult text(String path) {
        return format("text").save(path);
    }

    /** The format with its options, as resolved so far (for writers into tables). */
    FormatSpec formatSpec() {
        return new FormatSpec(format, options, null);
    }

    /** The save mode as given: error, errorifexists, append, overwrite or ignore. */
    String saveMode() {
        return mode;
    }

    List<String> partitionColumns() {
        return List.copyOf(partitionColumns);
    }

    /**
     * The commit-protocol mode the save mode means; null for {@code ignore}, which the caller
     * handles by checking the output first. Overwrite of a partitioned write is dynamic when the
     * option {@code partitionOverwriteMode} (or else the session's key) says so.
     */
    WriteMode writeMode() {
        switch (mode) {
            case "error", "errorifexists": return WriteMode.ERROR_IF_EXISTS;
            case "append": return WriteMode.APPEND;
            case "ignore": return null;
            default:
                String overwrite = formatSpec().option("partitionOverwriteMode").orElse(
                        dataset.session().conf().get(SpindleKeys.WRITE_PARTITION_OVERWRITE_MODE))
                        .toLowerCase(Locale.ROOT);
                if (!overwrite.equals("static") && !overwrite.equals("dynamic")) {
                    throw new IllegalArgumentException("partitionOverwriteMode must be static or dynamic, got '"
                            + overwrite + "'");
                }
                return overwrite.equals("dynamic") && !partitionColumns.isEmpty()
                        ? WriteMode.DYNAMIC_PARTITION_OVERWRITE : WriteMode.OVERWRITE;
        }
    }

    FileWriteJob.Request request(String path) {
        return new FileWriteJob.Request(formatSpec(), writeMode(), partitionColumns(), path);
    }
}
