package io.spindle.formats.commit;

import io.spindle.formats.BatchWriter;
import io.spindle.formats.FileFormat;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.WrittenFile;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.layout.PartitionPaths;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.formats.types.TypeKind;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A write task's writer: routes each row to its partition's file, like Hive and Spark lay tables
 * out ({@code a=1/b=x/part-00003-<job>-c000.parquet}, the partition columns in the directory names
 * and not in the files), then commits the attempt through the {@link FileCommitProtocol}.
 *
 * <p>File sizes: a file is finished and the next one started once its estimated size reaches
 * {@link Limits#targetFileBytes()}, so one task writing much data to one partition makes several
 * files near the target rather than one huge one. Open writers buffer a row group each, so the
 * on-disk size is not known while writing; it is estimated from the in-memory size of the rows
 * given, times the ratio of file size to in-memory size of the files this writer already finished
 * (1 until the first file finishes, which errs towards smaller files).
 *
 * <p>Open files: at most {@link Limits#maxOpenFiles()} writers are open at once, each holding up
 * to a row group in memory. When a row arrives for another partition, the least recently used
 * writer's file is finished. With rows sorted or clustered by partition upstream (what the planner
 * does before a partitioned write) a file is never finished early; with rows in random order over
 * many partitions, the bound holds and the price is more, smaller files.
 *
 * <p>Used by one thread. {@link #close()} without {@link #commit()} aborts the attempt.
 */
public final class PartitionedWriter implements AutoCloseable {
    /** How large files get and how many are open at once. */
    public record Limits(long targetFileBytes, int maxOpenFiles) {
        public static final long DEFAULT_TARGET_FILE_BYTES = 512L << 20;
        public static final int DEFAULT_MAX_OPEN_FILES = 16;

        public Limits {
            if (targetFileBytes <= 0 || maxOpenFiles < 1) {
                throw new IllegalArgumentException("Need a positive target file size and at least one open file, got "
                        + targetFileBytes + " and " + maxOpenFiles);
            }
        }

        public static Limits defaults() {
            return new Limits(DEFAULT_TARGET_FILE_BYTES, DEFAULT_MAX_OPEN_FILES);
        }
    }

    private final FileCommitProtocol protocol;
    private final TaskAttempt attempt;
    private final FileFormat format;
    private final Configuration conf;
    private final WriteOptions options;
    private final Limits limits;
    private final ZoneId zone;
    private final Schema partitionSchema;
    private final Schema dataSchema;
    private final int[] partitionColumns;
    private final int[] dataColumns;
    private final String extension;
    private final String leafDirectory;
    /** Access-ordered, so the first entry is the least recently used. */
    private final LinkedHashMap<List<Object>, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<List<Object>, String> directories = new HashMap<>();
    private final List<StagedFile> finished = new ArrayList<>();
    private long finishedRawBytes;
    private long finishedFileBytes;
    private int nextFileIndex;
    private boolean done;

    /**
     * @param schema the columns of the batches given to {@link #write}
     * @param partitionColumns names of the partition columns, outermost directory first
     * @param zone time zone of timestamp partition values in directory names
     */
    public PartitionedWriter(FileCommitProtocol protocol, TaskAttempt attempt, FileFormat format, Configuration conf,
            Schema schema, List<String> partitionColumns, WriteOptions options, Limits limits, ZoneId zone) {
        this(protocol, attempt, format, conf, schema, partitionColumns, options, limits, zone, "");
    }

    /**
     * @param leafDirectory a directory inside every partition's directory that holds its files
     *     ({@code a=1/spindle-<writeId>/part-...}), or "" for files directly in the partition's
     *     directory. Metastore tables use it to write each partition's new version in one job.
     */
    public PartitionedWriter(FileCommitProtocol protocol, TaskAttempt attempt, FileFormat format, Configuration conf,
            Schema schema, List<String> partitionColumns, WriteOptions options, Limits limits, ZoneId zone,
            String leafDirectory) {
        if (leafDirectory.contains("/") || leafDirectory.contains("=") || leafDirectory.equals(".")
                || leafDirectory.equals("..")) {
            throw new IllegalArgumentException("A leaf directory is one path segment without '=', got '"
                    + leafDirectory + "'");
        }
        this.leafDirectory = leafDirectory;
        this.protocol = protocol;
        this.attempt = attempt;
        this.format = format;
        this.conf = conf;
        this.options = options;
        this.limits = limits;
        this.zone = zone;
        this.partitionSchema = schema.select(partitionColumns);
        this.partitionColumns = partitionColumns.stream().mapToInt(schema::indexOf).toArray();
        for (Field field : partitionSchema.fields()) {
            if (field.type().kind() == TypeKind.BINARY) {
                throw new IllegalArgumentException("Binary column '" + field.name() + "' cannot be a partition column");
            }
        }
        List<Field> data = new ArrayList<>();
        List<Integer> dataIndexes = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            if (!partitionSchema.contains(schema.field(i).name())) {
                data.add(schema.field(i));
                dataIndexes.add(i);
            }
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Every column of " + schema + " is a partition column; files need data");
        }
        this.dataSchema = new Schema(data);
        this.dataColumns = dataIndexes.stream().mapToInt(Integer::intValue).toArray();
        this.extension = "." + format.name();
    }

    /** Appends the batch's rows to their partitions' files. The batch may be reused once this returns. */
    public void write(ColumnBatch batch) throws IOException {
        if (done) {
            throw new IllegalStateException("Writer of task " + attempt.partition() + " is already committed or aborted");
        }
        if (batch.rowCount() == 0) {
            return;
        }
        Map<List<Object>, RowList> rowsByKey = groupRows(batch);
        if (rowsByKey.size() == 1) {
            // Input clustered by partition: the common case needs no copy.
            write(rowsByKey.keySet().iterator().next(), RowGather.project(batch, dataColumns, dataSchema));
            return;
        }
        for (Map.Entry<List<Object>, RowList> group : rowsByKey.entrySet()) {
            RowList rows = group.getValue();
            write(group.getKey(), RowGather.gather(batch, dataColumns, dataSchema, rows.rows, rows.count));
        }
    }

    /** Finishes every open file and commits the attempt; returns the message for the driver. */
    public TaskCommitMessage commit() throws IOException {
        if (done) {
            throw new IllegalStateException("Writer of task " + attempt.partition() + " is already committed or aborted");
        }
        Iterator<OpenFile> files = open.values().iterator();
        while (files.hasNext()) {
            finish(files.next());
            files.remove();
        }
        done = true;
        return protocol.commitTask(attempt, finished);
    }

    /** Abandons open files and deletes everything the attempt wrote. */
    public void abort() throws IOException {
        done = true;
        IOException failure = null;
        for (OpenFile file : open.values()) {
            try {
                file.writer.close();
            } catch (IOException | RuntimeException e) {
                failure = failure == null ? new IOException("Could not abandon " + file.relativePath, e) : failure;
            }
        }
        open.clear();
        protocol.abortTask(attempt);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            abort();
        }
    }

    /** Rows of the batch by partition key, in first-seen order. */
    private Map<List<Object>, RowList> groupRows(ColumnBatch batch) {
        Map<List<Object>, RowList> rowsByKey = new LinkedHashMap<>();
        List<Object> previousKey = null;
        RowList previousRows = null;
        for (int row = 0; row < batch.rowCount(); row++) {
            Object[] values = new Object[partitionColumns.length];
            for (int c = 0; c < values.length; c++) {
                values[c] = batch.column(partitionColumns[c]).get(row);
            }
            List<Object> key = Arrays.asList(values);
            RowList rows = key.equals(previousKey) ? previousRows : rowsByKey.computeIfAbsent(key, unused -> new RowList());
            rows.add(row);
            previousKey = key;
            previousRows = rows;
        }
        return rowsByKey;
    }

    private void write(List<Object> key, ColumnBatch data) throws IOException {
        OpenFile file = open.get(key);
        if (file == null) {
            file = openFile(key);
        }
        file.writer.write(data);
        file.rawBytes += RowGather.rawBytes(data);
        if (estimatedFileBytes(file) >= limits.targetFileBytes()) {
            open.remove(key);
            finish(file);
        }
    }

    private OpenFile openFile(List<Object> key) throws IOException {
        if (open.size() >= limits.maxOpenFiles()) {
            Iterator<OpenFile> leastRecentlyUsed = open.values().iterator();
            OpenFile evicted = leastRecentlyUsed.next();
            leastRecentlyUsed.remove();
            finish(evicted);
        }
        String directory = directories.computeIfAbsent(key, unused -> {
            String partition = PartitionPaths.directoryOf(partitionSchema, key, zone);
            return leafDirectory.isEmpty() ? partition : partition.isEmpty() ? leafDirectory
                    : partition + "/" + leafDirectory;
        });
        String name = attempt.fileName(nextFileIndex++, extension);
        String relativePath = directory.isEmpty() ? name : directory + "/" + name;
        BatchWriter writer = format.create(conf, attempt.stagingPath(relativePath), dataSchema, options);
        OpenFile file = new OpenFile(relativePath, writer);
        open.put(key, file);
        return file;
    }

    private void finish(OpenFile file) throws IOException {
        WrittenFile written;
        try {
            written = file.writer.finish();
        } catch (IOException | RuntimeException e) {
            try {
                file.writer.close(); // the writer is no longer tracked: release it here
            } catch (IOException | RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        finished.add(new StagedFile(file.relativePath, written.bytes(), written.rows()));
        finishedRawBytes += file.rawBytes;
        finishedFileBytes += written.bytes();
    }

    private long estimatedFileBytes(OpenFile file) {
        if (finishedRawBytes == 0) {
            return file.rawBytes;
        }
        return (long) (file.rawBytes * ((double) finishedFileBytes / finishedRawBytes));
    }

    /** A growable list of row indexes. */
    private static final class RowList {
        int[] rows = new int[16];
        int count;

        void add(int row) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
            }
            rows[count++] = row;
        }
    }

    /** A file being written and the in-memory size of the rows given to it so far. */
    private static final class OpenFile {
        final String relativePath;
        final BatchWriter writer;
        long rawBytes;

        OpenFile(String relativePath, BatchWriter writer) {
            this.relativePath = relativePath;
            this.writer = writer;
        }
    }
}
