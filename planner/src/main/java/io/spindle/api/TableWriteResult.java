package io.spindle.api;

import io.spindle.metastore.TableName;
import io.spindle.metastore.publish.PlannedPartition;
import io.spindle.metastore.publish.PublicationPlan;
import java.util.List;
import java.util.Optional;

/**
 * What {@code insertInto} / {@code saveAsTable} did, or with the {@code dryRun} option would do.
 *
 * @param plan for a partitioned table, each partition added, replaced, appended to or dropped;
 *     empty for an unpartitioned table
 * @param rowsWritten rows written (0 for a dry run)
 * @param leftoverDirectories replaced versions that could not be deleted (garbage, not table data)
 */
public record TableWriteResult(TableName table, boolean dryRun, Optional<PublicationPlan> plan, long rowsWritten,
        List<String> leftoverDirectories) {

    public TableWriteResult {
        leftoverDirectories = List.copyOf(leftoverDirectories);
    }

    /** The partitions with this action, by metastore name ({@code dt=2026-11-26}). */
    public List<String> partitions(PlannedPartition.Action action) {
        return plan.map(p -> p.names(action)).orElse(List.of());
    }

    /** {@code db.t OVERWRITE_PARTITIONS: add 1 [dt=...], replace 1 [dt=...], append 0, drop 0}. */
    public String describe() {
        return (dryRun ? "dry run: " : "") + plan.map(PublicationPlan::describe).orElse(table + " (unpartitioned)");
    }
}
