package io.spindle.metastore.publish;

import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metastore side of one publish: one {@code add_partitions} for new partitions, one
 * {@code alter_partitions} for replaced and appended ones, and — only for a whole-table
 * overwrite — one {@code drop_partition} per dropped partition (the Thrift API drops several
 * partitions only by a serialized Hive expression, which needs hive-exec).
 *
 * <p>Each of the first two calls is one transaction in the metastore, so each partition changes
 * from its old version to its new one in one step. If a later call fails, the earlier ones are
 * undone (added partitions dropped, altered ones altered back, dropped ones re-added) before the
 * failure is rethrown; the old versions' files still exist at that point, so undoing is only
 * metadata.
 */
final class MetastoreUpdate {
    private static final Logger LOG = LoggerFactory.getLogger(MetastoreUpdate.class);

    private final MetastoreCalls calls;
    private final TableName table;
    private final List<NamedPartition> toAdd;
    private final List<Partition> toAlter;
    private final List<Partition> originalsOfAltered;
    private final List<NamedPartition> toDrop;

    private boolean addedAll;
    private boolean altered;
    private final List<NamedPartition> dropped = new ArrayList<>();

    /** A partition object with its metastore name, which the Thrift object does not carry. */
    record NamedPartition(String name, Partition partition) {}

    MetastoreUpdate(MetastoreCalls calls, TableName table, List<NamedPartition> toAdd, List<Partition> toAlter,
            List<Partition> originalsOfAltered, List<NamedPartition> toDrop) {
        this.calls = calls;
        this.table = table;
        this.toAdd = toAdd;
        this.toAlter = toAlter;
        this.originalsOfAltered = originalsOfAltered;
        this.toDrop = toDrop;
    }

    /** Applies the changes; on failure undoes what was applied and throws the original failure. */
    void apply() throws TException {
        try {
            // New partitions first: a concurrent writer that added the same partition fails us here,
            // before anything of ours is visible.
            if (!toAdd.isEmpty()) {
                calls.addPartitions(partitions(toAdd));
                addedAll = true;
            }
            if (!toAlter.isEmpty()) {
                calls.alterPartitions(table.database(), table.table(), toAlter);
                altered = true;
            }
            for (NamedPartition partition : toDrop) {
                calls.dropPartition(table.database(), table.table(), partition.name());
                dropped.add(partition);
            }
        } catch (TException | RuntimeException e) {
            undo(e);
            throw e;
        }
    }

    private void undo(Exception failure) {
        if (!dropped.isEmpty()) {
            attempt(failure, "re-add the dropped partitions", () -> calls.addPartitions(partitions(dropped)));
        }
        if (altered) {
            attempt(failure, "restore the replaced partitions",
                    () -> calls.alterPartitions(table.database(), table.table(), originalsOfAltered));
        }
        if (addedAll) {
            for (NamedPartition partition : toAdd) {
                attempt(failure, "drop the added partition " + partition.name(),
                        () -> calls.dropPartition(table.database(), table.table(), partition.name()));
            }
        }
    }

    private void attempt(Exception failure, String what, Step step) {
        try {
            step.run();
        } catch (TException | RuntimeException e) {
            LOG.error("Publishing to {} failed and the rollback could not {}; each partition still points at a "
                    + "complete version, but the table mixes old and new partitions", table, what, e);
            failure.addSuppressed(e);
        }
    }

    private static List<Partition> partitions(List<NamedPartition> named) {
        List<Partition> partitions = new ArrayList<>(named.size());
        for (NamedPartition partition : named) {
            partitions.add(partition.partition());
        }
        return partitions;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws TException;
    }
}
