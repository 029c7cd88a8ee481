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
 * {@code dataset.write()}: a Dataset into files or into a metastore table, shaped like Spark's writer.
 *
 * <pre>{@code
 * events.write().mode("overwrite").option("partitionOverwriteMode", "dynamic")
 *       .partitionBy("date").parquet("/warehouse/events");
 * events.write().mode("overwrite").insertInto("db.events");                  // only the dates it has rows for
 * events.drop("dt").write().partition("dt", "2026-11-26").insertInto("db.events");
 * }</pre>
 *
 * <p>Modes: {@code error} / {@code errorifexists} (the default: fails if the output has data),
 * {@code append}, {@code overwrite}, {@code ignore} (does nothing if the output has data).
 *
 * <p>What {@code overwrite} replaces in a partitioned output depends on the target, as in Spark
 * with Hive tables:
 * <ul>
 *   <li>Paths ({@link #save}, {@link #parquet}, ...): everything, unless {@code partitionOverwriteMode}
 *       is {@code dynamic} — the option, or else the session's {@code spindle.write.partitionOverwriteMode}
 *       (default {@code static}) — then only the partitions the data has rows for.
 *   <li>Tables ({@link #insertInto}, {@link #saveAsTable} of an existing table): only the partitions
 *       the data has rows for. Replacing the whole table (or everything within the static
 *       {@link #partition}) takes the explicit option {@code partitionOverwriteMode=static}; the
 *       session key does not apply, so a configuration change cannot make an insert drop partitions.
 * </ul>
 *
 * <p>Every write goes through the formats module's file commit protocol ({@link FileWriteJob}): a
 * failed write leaves the output (or the table) as it was.
 */
public final class DataFrameWriter {
    private final Dataset dataset;
    private String format = "parquet";
    private String mode = "errorifexists";
    private final List<String> partitionColumns = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, Object> staticPartitions = new LinkedHashMap<>();

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

    /** The partition columns of a path write, or of the table {@link #saveAsTable} creates; outermost first. */
    public DataFrameWriter partitionBy(String... columns) {
        partitionColumns.clear();
        partitionColumns.addAll(List.of(columns));
        return this;
    }

    /**
     * A format option (see {@code FormatOptions}), or a write option: {@code partitionOverwriteMode}
     * (static / dynamic, see the class comment), and for table writes {@code dryRun} ({@code true}:
     * report what would change, write nothing) and {@code path} (saveAsTable: an external table there).
     */
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

    /** A static partition value for {@link #insertInto}: {@code .partition("dt", "2026-11-26")}. */
    public DataFrameWriter partition(String column, Object value) {
        staticPartitions.put(column.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /**
     * Writes into an existing metastore table, columns matched by name (see {@link TableWriter}):
     * appends, or with {@code mode("overwrite")} replaces the partitions the data has rows for.
     */
    public TableWriteResult insertInto(String table) {
        return new TableWriter(dataset.session(), tableSettings()).insertInto(dataset, table);
    }

    /**
     * Creates a metastore table from the data's schema ({@link #format}: parquet, orc, csv or json;
     * {@link #partitionBy} columns) and writes it; an existing table follows the mode.
     */
    public TableWriteResult saveAsTable(String table) {
        return new TableWriter(dataset.session(), tableSettings()).saveAsTable(dataset, table);
    }

    private TableWriteSettings tableSettings() {
        return new TableWriteSettings(mode, staticPartitions, partitionColumns, format, options);
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
