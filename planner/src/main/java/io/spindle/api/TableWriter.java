package io.spindle.api;

import io.spindle.conf.SpindleKeys;
import io.spindle.formats.commit.JobCommitResult;
import io.spindle.formats.commit.StagedFile;
import io.spindle.formats.commit.WriteMode;
import io.spindle.formats.types.Field;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionValues;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.TableName;
import io.spindle.metastore.publish.PartitionOutput;
import io.spindle.metastore.publish.PartitionPublisher;
import io.spindle.metastore.publish.PublicationPlan;
import io.spindle.metastore.publish.PublicationResult;
import io.spindle.metastore.publish.PublishMode;
import io.spindle.metastore.publish.TableWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.physical.TableFormats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code insertInto} and {@code saveAsTable}: a Dataset written into a metastore table.
 *
 * <p>Partitioned tables: one engine job writes every partition the data touches through
 * {@link FileWriteJob} (the formats commit protocol and partitioned writer) into a new version
 * directory {@code <partition>/spindle-<writeId>}, then {@link PartitionPublisher} switches the
 * metastore to the new versions in one add and one alter call, with statistics, and deletes the
 * replaced versions. Until that switch nothing of the write is visible through the metastore; a
 * failure before or during it deletes the new versions and leaves the table as it was. Overwrite
 * replaces only the partitions the data has rows for (dynamic, the default for tables whatever
 * {@code spindle.write.partitionOverwriteMode} says); the option {@code partitionOverwriteMode=static}
 * replaces every partition (within the static partition, if given). A re-run with the same data
 * leaves the same rows.
 *
 * <p>Unpartitioned tables: the files go through the commit protocol straight into the table's
 * directory (overwrite swaps the directory's contents), then the statistics are recorded.
 *
 * <p>Formats: the table's ({@link TableFormats}): Parquet, ORC, delimited text, JSON lines, text.
 */
final class TableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);
    private static final DateTimeFormatter WRITE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private final Session session;
    private final TableWriteSettings settings;

    TableWriter(Session session, TableWriteSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    TableWriteResult insertInto(Dataset data, String name) {
        HiveCatalog catalog = session.catalog().hive();
        CatalogTable table = catalog.table(session.catalog().resolve(name));
        TableWriteColumns columns = TableWriteColumns.align(data, table, settings.staticPartitions());
        if (!table.isPartitioned()) {
            return insertUnpartitioned(catalog, table, columns.aligned());
        }
        PublishMode mode = publishMode();
        PartitionPublisher publisher = catalog.publisher();
        if (settings.dryRun()) {
            PublicationPlan plan = publisher.planPartitions(table.name(), mode, columns.partitions(),
                    columns.staticValues());
            return new TableWriteResult(table.name(), true, Optional.of(plan), 0, List.of());
        }
        String writeId = newWriteId();
        TableWrite write = new TableWrite(table.name(), writeId, mode, List.of(), columns.staticValues());
        List<PartitionOutput> outputs = new ArrayList<>();
        try {
            outputs.addAll(writeVersions(table, columns, writeId));
            beforePublish(write.withPartitions(outputs));
        } catch (RuntimeException e) {
            abortQuietly(publisher, write.withPartitions(outputs), e);
            throw e;
        }
        long rows = outputs.stream().mapToLong(PartitionOutput::rowCount).sum();
        PublicationResult published = publisher.publish(write.withPartitions(outputs));
        LOG.info("Wrote {} rows to {}: {}", rows, table.name(), published.plan().describe());
        return new TableWriteResult(table.name(), false, Optional.of(published.plan()), rows,
                published.leftoverDirectories());
    }

    /**
     * Writes the new version directory of every partition the data touches, in one engine job
     * through the file commit protocol. With dynamic partition columns the job's output is the
     * table's directory and each partition's files go into {@code <partition>/spindle-<writeId>}
     * (the writer's leaf directory); the commit renames each fresh version directory into place,
     * one rename per partition, and nothing replaces anything (the directories are new). With
     * every partition value static the one version directory is the output, and an empty write
     * still leaves it, with one empty file, so the partition can be published empty.
     */
    private List<PartitionOutput> writeVersions(CatalogTable table, TableWriteColumns columns, String writeId) {
        FormatSpec format = writeFormat(table);
        if (columns.dynamicColumns().isEmpty()) {
            List<Object> values = table.partitionSchema().names().stream().map(columns.staticValues()::get).toList();
            String directory = PartitionPublisher.versionDirectory(table, values, writeId);
            JobCommitResult written = FileWriteJob.run(columns.dataRows(),
                    new FileWriteJob.Request(format, WriteMode.ERROR_IF_EXISTS, List.of(), directory));
            return List.of(new PartitionOutput(values, directory, written.rows()));
        }
        String leaf = PartitionPublisher.VERSION_PREFIX + writeId;
        // Fresh version directories: per partition one rename, never a replacement.
        JobCommitResult written = FileWriteJob.run(columns.partitionedRows(), new FileWriteJob.Request(format,
                WriteMode.DYNAMIC_PARTITION_OVERWRITE, table.partitionSchema().names(), table.location(), leaf));
        Map<String, Long> rowsByDirectory = new LinkedHashMap<>();
        for (StagedFile file : written.files()) {
            rowsByDirectory.merge(file.partitionDirectory(), file.rows(), Long::sum);
        }
        List<PartitionOutput> outputs = new ArrayList<>();
        for (Map.Entry<String, Long> partition : rowsByDirectory.entrySet()) {
            String relative = partition.getKey();
            if (!relative.endsWith("/" + leaf)) {
                throw new IllegalStateException("Write " + writeId + " produced " + relative + " outside a version "
                        + "directory " + leaf);
            }
            String name = relative.substring(0, relative.length() - leaf.length() - 1);
            List<Object> values = PartitionValues.parseAll(PartitionNames.storedValues(name, table.partitionSchema()),
                    table.partitionSchema());
            outputs.add(new PartitionOutput(values, PartitionPublisher.versionDirectory(table, values, writeId),
                    partition.getValue()));
        }
        return outputs;
    }

    TableWriteResult saveAsTable(Dataset data, String name) {
        TableCatalog tables = session.catalog();
        TableName tableName = tables.resolve(name);
        if (tables.hive().tableExists(tableName)) {
            switch (settings.mode()) {
                case "ignore":
                    return new TableWriteResult(tableName, false, Optional.empty(), 0, List.of());
                case "append":
                    return insertInto(data, tableName.toString());
                case "overwrite":
                    return new TableWriter(session, new TableWriteSettings("overwrite", settings.staticPartitions(),
                            settings.partitionBy(), settings.format(), withOption(TableWriteSettings.PARTITION_OVERWRITE_MODE,
                                    "static"))).insertInto(data, tableName.toString());
                default:
                    throw new CatalogException(CatalogErrorCode.ALREADY_EXISTS, "Table " + tableName + " already exists;"
                            + " write with mode(\"append\") or mode(\"overwrite\"), or use insertInto");
            }
        }
        CatalogTable created = tables.createTable(definition(data, tableName));
        try {
            return new TableWriter(session, new TableWriteSettings("append", settings.staticPartitions(),
                    settings.partitionBy(), settings.format(), settings.options())).insertInto(data, tableName.toString());
        } catch (RuntimeException e) {
            try {
                tables.hive().dropTable(created.name(), true, true);
            } catch (RuntimeException drop) {
                e.addSuppressed(drop);
            }
            throw e;
        }
    }

    private CatalogTable definition(Dataset data, TableName name) {
        CatalogTable.Builder builder = CatalogTable.builder(name);
        List<String> partitionBy = new ArrayList<>();
        for (String column : settings.partitionBy()) {
            partitionBy.add(data.schema().field(data.schema().findIndex(column).orElseThrow(() ->
                    new CatalogException(CatalogErrorCode.COLUMN_NOT_FOUND, "partitionBy(\"" + column + "\"): the data "
                            + "has no such column; its columns: " + data.schema().names()))).name());
        }
        for (Field field : data.schema().fields()) {
            if (!partitionBy.contains(field.name())) {
                builder.column(field.name(), field.type());
            }
        }
        for (String column : partitionBy) {
            builder.partitionColumn(column, data.schema().field(column).type());
        }
        String format = settings.format().toLowerCase(Locale.ROOT);
        switch (format) {
            case "parquet" -> builder.format(StorageFormat.PARQUET);
            case "orc" -> builder.format(StorageFormat.ORC);
            case "csv" -> builder.format(StorageFormat.CSV);
            case "json" -> builder.format(StorageFormat.JSON);
            default -> throw new IllegalArgumentException("saveAsTable writes parquet, orc, csv or json tables, not '"
                    + format + "'");
        }
        String path = settings.options().get(TableWriteSettings.PATH);
        if (path != null) {
            builder.location(path).external();
        }
        return builder.build();
    }

    private TableWriteResult insertUnpartitioned(HiveCatalog catalog, CatalogTable table, Dataset rows) {
        if (!settings.staticPartitions().isEmpty()) {
            throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Table " + table.name() + " is not partitioned; "
                    + "remove .partition(...)");
        }
        boolean overwrite = settings.mode().equals("overwrite");
        if (settings.dryRun()) {
            return new TableWriteResult(table.name(), true, Optional.empty(), 0, List.of());
        }
        PartitionStatistics recorded = catalog.tableStatistics(table.name());
        // A table without files has no rows, whether or not anyone recorded it.
        long rowsBefore = listedStatistics(table.location(), 0).numFiles() == 0 ? 0 : recorded.numRows();
        JobCommitResult written = FileWriteJob.run(rows, new FileWriteJob.Request(writeFormat(table),
                overwrite ? WriteMode.OVERWRITE : WriteMode.APPEND, List.of(), table.location()));
        long totalRows = overwrite ? written.rows()
                : rowsBefore == PartitionStatistics.UNKNOWN ? PartitionStatistics.UNKNOWN : rowsBefore + written.rows();
        catalog.setTableStatistics(table.name(), listedStatistics(table.location(), totalRows));
        return new TableWriteResult(table.name(), false, Optional.empty(), written.rows(), List.of());
    }

    private PartitionStatistics listedStatistics(String location, long rows) {
        try {
            Path path = new Path(location);
            FileSystem fs = path.getFileSystem(session.hadoopConf());
            if (!fs.exists(path)) {
                return new PartitionStatistics(0, rows, 0);
            }
            long files = 0;
            long bytes = 0;
            for (FileStatus status : fs.listStatus(path)) {
                String fileName = status.getPath().getName();
                if (status.isFile() && !fileName.startsWith("_") && !fileName.startsWith(".")) {
                    files++;
                    bytes += status.getLen();
                }
            }
            return new PartitionStatistics(files, rows, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location + " for its statistics: " + e.getMessage(), e);
        }
    }

    private PublishMode publishMode() {
        switch (settings.mode()) {
            case "append":
                return PublishMode.APPEND;
            case "overwrite":
                return settings.wholeTableOverwrite() ? PublishMode.OVERWRITE_TABLE : PublishMode.OVERWRITE_PARTITIONS;
            default:
                // insertInto, as in Spark, appends unless told to overwrite.
                return PublishMode.APPEND;
        }
    }

    /**
     * The test hook between file commit and metastore update ({@code spindle.metastore.testing.beforePublish}):
     * {@code fail} fails the write there, {@code wait} blocks (up to ten minutes) so a test can kill the job.
     */
    private void beforePublish(TableWrite write) {
        String hook = session.conf().get(SpindleKeys.METASTORE_TESTING_BEFORE_PUBLISH).trim().toLowerCase(Locale.ROOT);
        if (hook.isEmpty()) {
            return;
        }
        if (hook.equals("fail")) {
            throw new IllegalStateException("Write " + write.writeId() + " to " + write.table() + " failed before "
                    + "publishing, as spindle.metastore.testing.beforePublish=fail asks");
        }
        LOG.warn("Write {} to {}: files committed, waiting before the metastore update (test hook)", write.writeId(),
                write.table());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static void abortQuietly(PartitionPublisher publisher, TableWrite write, RuntimeException failure) {
        try {
            publisher.abort(write);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private java.util.Map<String, String> withOption(String key, String value) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(settings.options());
        options.put(key, value);
        return options;
    }

    /** The table's format, with the writer's {@code compression} option if given. */
    private FormatSpec writeFormat(CatalogTable table) {
        FormatSpec spec = TableFormats.spec(table);
        String compression = settings.options().get("compression");
        if (compression == null) {
            return spec;
        }
        Map<String, String> options = new LinkedHashMap<>(spec.options());
        options.put("compression", compression);
        return new FormatSpec(spec.name(), options, spec.dataSchema());
    }

    /** Unique per run, sortable by time: {@code 20261126T030000-1a2b3c4d}. */
    private static String newWriteId() {
        return LocalDateTime.now(ZoneOffset.UTC).format(WRITE_ID_TIME) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
