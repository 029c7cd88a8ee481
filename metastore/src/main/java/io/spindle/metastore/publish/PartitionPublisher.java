package io.spindle.metastore.publish;

import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionValues;
import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.client.MetastoreFailures;
import io.spindle.metastore.hive.HiveTables;
import io.spindle.metastore.publish.PlannedPartition.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a job's partitions to a metastore table: the last step of a write, after the job's
 * files are committed.
 *
 * <h2>Layout</h2>
 * Each run writes a partition's files into a new <em>version directory</em> inside the
 * partition's usual directory: {@code <table>/dt=2026-11-26/spindle-<writeId>/part-*.parquet}
 * ({@link #versionDirectory}). The metastore's partition location points at the version
 * directory. Why this shape:
 * <ul>
 *   <li>Metastore readers (Hive, Spark, Trino, Spindle) follow the partition location, so switching
 *       the location switches the version in one metastore transaction.
 *   <li>The name is visible (no leading {@code _} or {@code .}) because Spark and Hive skip hidden
 *       path segments even inside a partition location, and has no {@code =}, so path-based readers
 *       of the table root (DuckDB and Spark with hive partitioning, Spindle's PartitionDiscovery)
 *       see {@code dt=2026-11-26} as the partition and the version directory as an ordinary
 *       subdirectory whose files belong to it.
 *   <li>A sibling such as {@code dt=2026-11-26.v2} would be read as another partition value by
 *       path-based readers; a {@code v=<id>} level would add a bogus column.
 * </ul>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Per partition, a metastore reader sees the old version or the new one, never a mix:
 *       new partitions are added by one {@code add_partitions} call and replaced ones re-pointed by
 *       one {@code alter_partitions} call, each a single metastore transaction. Across partitions a
 *       reader between the two calls may see the new partitions without the replaced ones.
 *   <li>A failure at any point before the metastore update completes leaves the table as it was:
 *       what the metastore applied is undone ({@link MetastoreUpdate}), appended files are removed,
 *       and the new version directories deleted. Old versions are deleted only after success.
 *   <li>The statistics {@code numFiles}, {@code numRows}, {@code totalSize} are written with the
 *       partitions, in the same calls.
 *   <li>Re-running a job with the same inputs and a new write id leaves the same partitions, files
 *       and statistics (in new version directories); re-using a write id that is already published
 *       is refused.
 *   <li>Jobs writing different partitions concurrently both succeed. Two jobs adding the same new
 *       partition: one fails and rolls back. Two jobs replacing the same partition: the last wins,
 *       and the loser's version directory is left behind — not supported, as in Hive and Spark.
 *   <li>{@link PublishMode#APPEND} into an existing partition moves the new files into the current
 *       location one by one (each file appears whole, but a reader listing during the move can see
 *       some of them), then updates the statistics; on failure the moved files are removed again.
 *       Copying the old files into a new version would make appends atomic at the cost of rewriting
 *       the partition, which is what overwrite is for.
 *   <li>Path-based readers of the table root see exactly one version per partition except between
 *       the metastore update and the deletion of the replaced version, and after a crash of the
 *       driver itself mid-publish, or of a job killed before it: their version directories stay
 *       until a later publish of the same partition deletes them as abandoned, once they are
 *       {@link #ABANDONED_VERSION_AGE} old.
 * </ul>
 */
public final class PartitionPublisher {
    /** Prefix of version directory names; the rest is the write id. */
    public static final String VERSION_PREFIX = "spindle-";
    /**
     * How old an unpublished version directory must be before a later publish of its partition
     * deletes it as abandoned (see {@link VersionFiles#deleteAbandonedVersions}).
     */
    public static final java.time.Duration ABANDONED_VERSION_AGE = java.time.Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(PartitionPublisher.class);

    private final MetastoreCalls calls;
    private final VersionFiles files;
    private final int batchSize;

    public PartitionPublisher(MetastoreCalls calls, Configuration conf, int batchSize) {
        this.calls = calls;
        this.files = new VersionFiles(conf);
        this.batchSize = batchSize;
    }

    /** Where a run's files for one partition go: {@code <table>/<col=value/...>/spindle-<writeId>}. */
    public static String versionDirectory(CatalogTable table, List<Object> values, String writeId) {
        requirePartitioned(table);
        String partition = PartitionNames.name(table.partitionSchema(), storedValues(table.partitionSchema(), values));
        return new Path(new Path(table.location(), partition), VERSION_PREFIX + writeId).toString();
    }

    /** A dry run: what {@link #publish} would add, replace, append to and drop. Nothing is changed. */
    public PublicationPlan plan(TableWrite write) {
        return prepare(write).plan();
    }

    /**
     * A dry run before any data is written: what a write of these partitions (typed values in
     * partition-column order) would add, replace, append to or drop. Nothing is changed.
     */
    public PublicationPlan planPartitions(TableName table, PublishMode mode, List<List<Object>> partitionValues,
            Map<String, Object> staticPartition) {
        return new DryRunPlanner(calls, batchSize).plan(table, "dry-run", mode, partitionValues, staticPartition);
    }

    /**
     * Publishes the write as {@link PartitionPublisher} describes. On failure the table is as it
     * was and the write's version directories are deleted.
     *
     * @throws CatalogException {@link CatalogErrorCode#INVALID_WRITE} for outputs that do not fit the
     *     table, {@link CatalogErrorCode#PUBLICATION_FAILED} when the update failed and was undone
     */
    public PublicationResult publish(TableWrite write) {
        PublicationPrepared prepared;
        try {
            prepared = prepare(write);
        } catch (RuntimeException e) {
            abortQuietly(write, e);
            throw e;
        }
        List<Path> appended = new ArrayList<>();
        try {
            for (PlannedPartition partition : prepared.plan().withAction(Action.APPEND)) {
                appended.addAll(files.moveFiles(prepared.directoryOf(partition.name()), partition.newLocation()));
            }
            prepared.update(calls).apply();
        } catch (Exception e) {
            appended.forEach(files::deleteQuietly);
            abortQuietly(write, e);
            throw new CatalogException(CatalogErrorCode.PUBLICATION_FAILED, "Publishing " + write.mode() + " of "
                    + write.partitions().size() + " partition(s) to " + write.table() + " failed; the table was left "
                    + "as it was: " + e.getMessage(), e);
        }
        return new PublicationResult(prepared.plan(), removeReplaced(prepared));
    }

    /**
     * Deletes a failed write's version directories — except any the metastore points at, which
     * only a failed rollback can leave behind and which must then stay readable.
     */
    public void abort(TableWrite write) {
        CatalogTable table = HiveTables.toCatalogTable(MetastoreFailures.call("read table " + write.table(),
                () -> calls.getTable(write.table().database(), write.table().table())));
        Map<String, String> directories = new TreeMap<>();
        for (PartitionOutput output : write.partitions()) {
            String expected = versionDirectory(table, output.values(), write.writeId());
            directories.put(PartitionNames.name(table.partitionSchema(),
                    storedValues(table.partitionSchema(), output.values())), expected);
        }
        for (Partition live : fetchByNames(table, new ArrayList<>(directories.keySet())).values()) {
            String name = PartitionNames.name(table.partitionSchema(), live.getValues());
            if (sameLocation(live.getSd().getLocation(), directories.get(name))) {
                directories.remove(name);
            }
        }
        for (String directory : directories.values()) {
            try {
                files.deleteVersion(new Path(directory), table.location());
            } catch (IOException e) {
                LOG.warn("Could not delete {} of failed write {}", directory, write.writeId(), e);
            }
        }
    }

    private void abortQuietly(TableWrite write, Exception failure) {
        try {
            abort(write);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the version directories of failed write {} to {}", write.writeId(),
                    write.table(), e);
            failure.addSuppressed(e);
        }
    }

    private List<String> removeReplaced(PublicationPrepared prepared) {
        List<String> leftovers = new ArrayList<>();
        String tableLocation = prepared.table().location();
        for (PlannedPartition partition : prepared.plan().partitions()) {
            try {
                switch (partition.action()) {
                    case ADD:
                        deleteAbandoned(partition);
                        break;
                    case REPLACE:
                        leftovers.addAll(files.deleteReplaced(partition.oldLocation().orElseThrow(),
                                partition.newLocation(), tableLocation));
                        deleteAbandoned(partition);
                        break;
                    case APPEND:
                        files.deleteQuietly(new Path(prepared.directoryOf(partition.name())));
                        break;
                    case DROP:
                        leftovers.addAll(files.deleteReplaced(partition.oldLocation().orElseThrow(), "", tableLocation));
                        break;
                }
            } catch (IOException e) {
                LOG.warn("Could not delete the replaced version of {} {}", prepared.table().name(), partition.name(), e);
                partition.oldLocation().ifPresent(leftovers::add);
            }
        }
        return leftovers;
    }

    /** Versions of the partition that killed runs committed but never published. */
    private void deleteAbandoned(PlannedPartition partition) throws IOException {
        String partitionDirectory = new Path(partition.newLocation()).getParent().toString();
        for (String deleted : files.deleteAbandonedVersions(partitionDirectory, partition.newLocation(),
                ABANDONED_VERSION_AGE.toMillis())) {
            LOG.info("Deleted {}: an unpublished version of {} older than {}", deleted, partition.name(),
                    ABANDONED_VERSION_AGE);
        }
    }

    private PublicationPrepared prepare(TableWrite write) {
        Table hive = MetastoreFailures.call("read table " + write.table(),
                () -> calls.getTable(write.table().database(), write.table().table()));
        CatalogTable table = HiveTables.toCatalogTable(hive);
        requirePartitioned(table);
        WriteValidation validation = new WriteValidation(table, write, files);
        Map<String, PartitionOutput> outputs = validation.outputsByName();
        Map<String, Partition> existing = fetchByNames(table, new ArrayList<>(outputs.keySet()));
        Map<String, Partition> dropped = write.mode() == PublishMode.OVERWRITE_TABLE
                ? fetchByNames(table, validation.partitionsToDrop(listNames(table.name()), outputs.keySet()))
                : Map.of();
        try {
            return PublicationPrepared.of(hive, table, write, outputs, existing, dropped, files);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Cannot read the output of write "
                    + write.writeId() + " to " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private List<String> listNames(TableName table) {
        return MetastoreFailures.call("list the partition names of " + table,
                () -> calls.listPartitionNames(table.database(), table.table()));
    }

    private Map<String, Partition> fetchByNames(CatalogTable table, List<String> names) {
        Map<String, Partition> byName = new HashMap<>();
        for (int start = 0; start < names.size(); start += batchSize) {
            List<String> batch = names.subList(start, Math.min(names.size(), start + batchSize));
            List<Partition> found = MetastoreFailures.call("fetch partitions of " + table.name() + " by name",
                    () -> calls.getPartitionsByNames(table.name().database(), table.name().table(), batch));
            for (Partition partition : found) {
                byName.put(PartitionNames.name(table.partitionSchema(), partition.getValues()), partition);
            }
        }
        return byName;
    }

    private boolean sameLocation(String a, String b) {
        try {
            return files.qualify(a).equals(files.qualify(b));
        } catch (IOException | RuntimeException e) {
            return a.equals(b);
        }
    }

    static List<String> storedValues(Schema partitionSchema, List<Object> values) {
        if (values.size() != partitionSchema.size()) {
            throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Expected " + partitionSchema.size()
                    + " partition values for " + partitionSchema.names() + ", got " + values);
        }
        List<String> stored = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            stored.add(PartitionValues.format(values.get(i), partitionSchema.field(i).type()));
        }
        return stored;
    }

    private static void requirePartitioned(CatalogTable table) {
        if (!table.isPartitioned()) {
            throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Table " + table.name() + " is not partitioned;"
                    + " publishing to unpartitioned tables is not supported yet");
        }
    }
}
