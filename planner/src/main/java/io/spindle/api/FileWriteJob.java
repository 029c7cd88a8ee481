package io.spindle.api;

import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.formats.BatchWriter;
import io.spindle.formats.Compression;
import io.spindle.formats.FileFormat;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.commit.FileCommitProtocol;
import io.spindle.formats.commit.JobCommitResult;
import io.spindle.formats.commit.PartitionedWriter;
import io.spindle.formats.commit.StagedFile;
import io.spindle.formats.commit.TaskAttempt;
import io.spindle.formats.commit.TaskCommitMessage;
import io.spindle.formats.commit.WriteMode;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.SortOrder;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.physical.FileFormats;
import io.spindle.plan.physical.FormatOptions;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.SortExec;
import io.spindle.plan.stage.StageGraph;
import io.spindle.plan.stage.StageSink;
import io.spindle.plan.stage.StageTaskResult;
import io.spindle.plan.stage.WriteLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a Dataset's rows into a directory through the formats module's
 * {@link FileCommitProtocol}: the one write path of the Dataset API, for {@link DataFrameWriter}
 * and for writers into tables.
 *
 * <ol>
 *   <li>Driver: {@code setupJob} (fails now under ERROR_IF_EXISTS if the output has data).
 *   <li>Tasks: each runs its part of the plan into a {@link PartitionedWriter} in its attempt's
 *       staging directory ({@link io.spindle.plan.stage.FileWriteTask}). With partition columns
 *       each task first sorts its rows by them, so a task keeps one file open at a time.
 *   <li>Driver: {@code commitJob} publishes one attempt per task, as the mode says. If no task
 *       wrote a file of an unpartitioned output, one empty file is published so the schema
 *       survives (Spark does the same). On any failure, {@code abortJob}: the output is as it was
 *       and staging is deleted.
 * </ol>
 */
public final class FileWriteJob {

    /**
     * What to write where.
     *
     * @param mode the protocol mode; null means Spark's {@code ignore}: do nothing if the output
     *     has data, else write as ERROR_IF_EXISTS
     * @param partitionColumns Dataset columns that become {@code key=value} directories, outermost first
     * @param leafDirectory a directory inside each partition's directory for its files, "" for none:
     *     a metastore table's version directory {@code spindle-<writeId>}, so that one job writes the
     *     new version of every partition it touches
     */
    public record Request(FormatSpec format, WriteMode mode, List<String> partitionColumns, String path,
            String leafDirectory) {
        public Request {
            partitionColumns = List.copyOf(partitionColumns);
            java.util.Objects.requireNonNull(leafDirectory, "leafDirectory");
        }

        public Request(FormatSpec format, WriteMode mode, List<String> partitionColumns, String path) {
            this(format, mode, partitionColumns, path, "");
        }
    }

    private FileWriteJob() {}

    private static final Logger LOG = LoggerFactory.getLogger(FileWriteJob.class);

    /**
     * Staging of this output that nothing has touched for this long belongs to a write whose driver
     * died (killed job, lost AM); the next write to the same output rolls it back and removes it.
     */
    static final Duration STALE_STAGING_AGE = Duration.ofHours(12);

    public static JobCommitResult run(Dataset dataset, Request request) {
        FormatOptions.checkWriteOptions(request.format());
        Session session = dataset.session();
        Configuration conf = session.hadoopConf();
        List<String> partitionColumns = resolveColumns(dataset.schema(), request.partitionColumns());
        try {
            Path output = new Path(request.path());
            FileSystem fs = output.getFileSystem(conf);
            output = fs.makeQualified(output);
            WriteMode mode = request.mode();
            if (mode == null) {
                if (fs.exists(output) && (fs.getFileStatus(output).isFile() || fs.listStatus(output, path ->
                        !path.getName().startsWith("_") && !path.getName().startsWith(".")).length > 0)) {
                    return new JobCommitResult(List.of(), List.of());
                }
                mode = WriteMode.ERROR_IF_EXISTS;
            }
            for (Path stale : FileCommitProtocol.cleanupStale(fs, output, STALE_STAGING_AGE, Instant.now())) {
                LOG.warn("Removed the staging directory {} of an earlier write to {} that never finished", stale, output);
            }
            FileCommitProtocol protocol = new FileCommitProtocol(fs, output, UUID.randomUUID().toString(), mode);
            WriteLayout layout = layout(session.conf(), request.format()).withLeafDirectory(request.leafDirectory());
            protocol.setupJob();
            try {
                StageSink.Write sink = new StageSink.Write(request.format(), output.toString(), protocol.jobId(), mode,
                        partitionColumns, layout);
                List<StageTaskResult> results = session.stageScheduler().runStages(
                        StageGraph.cut(sortedByPartition(dataset.queryExecution().physical(), partitionColumns)), sink);
                List<TaskCommitMessage> messages = new ArrayList<>();
                for (StageTaskResult result : results) {
                    messages.add(((StageTaskResult.WrittenFiles) result).message());
                }
                if (partitionColumns.isEmpty() && messages.stream().allMatch(message -> message.files().isEmpty())) {
                    messages.add(emptyFile(protocol, conf, request.format(), dataset.schema(), layout, messages.size()));
                }
                return protocol.commitJob(messages);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    protocol.abortJob();
                } catch (IOException | RuntimeException abortFailure) {
                    e.addSuppressed(abortFailure);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + request.format().name() + " to " + request.path() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The Dataset's column names for the requested partition columns (matched ignoring case). */
    private static List<String> resolveColumns(Schema schema, List<String> requested) {
        List<String> resolved = new ArrayList<>();
        for (String name : requested) {
            if (!schema.contains(name)) {
                throw new IllegalArgumentException("Partition column '" + name + "' is not a column of the Dataset; "
                        + "its columns are " + schema.names());
            }
            String actual = schema.field(name).name();
            if (resolved.stream().anyMatch(actual::equalsIgnoreCase)) {
                throw new IllegalArgumentException("Partition column '" + name + "' is given twice");
            }
            resolved.add(actual);
        }
        return resolved;
    }

    /** Layout of the files: the session's Parquet settings, the {@code compression} option, the size limits. */
    private static WriteLayout layout(SpindleConf conf, FormatSpec format) {
        WriteOptions defaults = new WriteOptions(Compression.parse(conf.get(SpindleKeys.PARQUET_COMPRESSION)),
                conf.get(SpindleKeys.PARQUET_ROW_GROUP_SIZE), conf.get(SpindleKeys.PARQUET_PAGE_SIZE),
                conf.get(SpindleKeys.PARQUET_DICTIONARY));
        PartitionedWriter.Limits limits = new PartitionedWriter.Limits(
                conf.get(SpindleKeys.WRITE_TARGET_FILE_SIZE).bytes(), conf.get(SpindleKeys.WRITE_MAX_OPEN_FILES));
        return WriteLayout.of(FormatOptions.write(format, defaults), limits);
    }

    /** With partition columns, each task sorts its own rows by them (no exchange), so partitions arrive clustered. */
    private static PhysicalPlan sortedByPartition(PhysicalPlan plan, List<String> partitionColumns) {
        if (partitionColumns.isEmpty()) {
            return plan;
        }
        List<SortOrder> orders = new ArrayList<>();
        for (String name : partitionColumns) {
            ColumnRef column = plan.output().stream().filter(ref -> ref.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No output column " + name + " in " + plan.output()));
            orders.add(SortOrder.ascending(column));
        }
        return new SortExec(orders, false, plan);
    }

    /** A task message for one file with the schema and no rows, written by the driver. */
    private static TaskCommitMessage emptyFile(FileCommitProtocol protocol, Configuration conf, FormatSpec spec,
            Schema schema, WriteLayout layout, int partition) throws IOException {
        FileFormat format = FileFormats.create(spec, ColumnBatch.DEFAULT_CAPACITY);
        TaskAttempt attempt = protocol.setupTask(partition, 0);
        String name = attempt.fileName(0, "." + format.name().toLowerCase(Locale.ROOT));
        WrittenFile written;
        try (BatchWriter writer = format.create(conf, attempt.stagingPath(name), schema, layout.writeOptions())) {
            written = writer.finish();
        }
        return protocol.commitTask(attempt, List.of(new StagedFile(name, written.bytes(), 0)));
    }
}
