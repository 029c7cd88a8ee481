package io.spindle.api;

import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTaskResult;
import java.util.List;

/** {@code dataset.write().parquet(path)}: one file per task, committed atomically (see {@link FileCommit}). */
public final class DataFrameWriter {
    private final Dataset dataset;

    private String mode = "errorifexists";
    private String format = "parquet";
    private final java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Object> staticPartitions = new java.util.LinkedHashMap<>();
    private final java.util.List<String> partitionBy = new java.util.ArrayList<>();

    DataFrameWriter(Dataset dataset) {
        this.dataset = dataset;
    }

    /** error / errorifexists (the default), append, overwrite, ignore. */
    public DataFrameWriter mode(String saveMode) {
        this.mode = java.util.Objects.requireNonNull(saveMode, "saveMode");
        return this;
    }

    /** parquet (the default) or orc: the storage of a table {@link #saveAsTable} creates. */
    public DataFrameWriter format(String formatName) {
        this.format = java.util.Objects.requireNonNull(formatName, "formatName");
        return this;
    }

    /**
     * Table write options: {@code partitionOverwriteMode} ({@code dynamic}, the default, replaces only
     * the partitions the data has rows for; {@code static} replaces the whole table, or everything
     * within the static partition), {@code dryRun} ({@code true}: report, write nothing),
     * {@code path} (saveAsTable: an external table there).
     */
    public DataFrameWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    /** A static partition value for insertInto: {@code .partition("dt", "2026-11-26")}. */
    public DataFrameWriter partition(String column, Object value) {
        staticPartitions.put(column.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    /** The partition columns of a table {@link #saveAsTable} creates, in order. */
    public DataFrameWriter partitionBy(String... columns) {
        partitionBy.clear();
        partitionBy.addAll(java.util.List.of(columns));
        return this;
    }

    /**
     * Writes into an existing metastore table, columns matched by name (see {@link TableWriter}):
     * appends, or with {@code mode("overwrite")} replaces the partitions the data has rows for.
     */
    public TableWriteResult insertInto(String table) {
        return new TableWriter(dataset.session(), tableSettings()).insertInto(dataset, table);
    }

    /** Creates a metastore table from the data's schema and writes it; an existing table follows the mode. */
    public TableWriteResult saveAsTable(String table) {
        return new TableWriter(dataset.session(), tableSettings()).saveAsTable(dataset, table);
    }

    private TableWriteSettings tableSettings() {
        return new TableWriteSettings(mode, staticPartitions, partitionBy, format, options);
    }

    public void parquet(String path) {
        Session session = dataset.session();
        FileCommit commit = new FileCommit(session.hadoopConf(), path);
        try {
            String codec = session.conf().get(io.spindle.conf.SpindleKeys.PARQUET_COMPRESSION);
            List<StageTaskResult> results = session.stageScheduler().runStages(dataset.queryExecution().stages(),
                    new StageSink.Write("parquet", commit.stagingDirectory(), codec));
            commit.commit(results);
        } catch (RuntimeException e) {
            commit.abort();
            throw e;
        }
    }
}
