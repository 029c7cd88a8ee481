package io.spindle.metastore.publish;

import io.spindle.metastore.TableName;
import java.util.List;
import java.util.stream.Collectors;

/** What a publish will do, partition by partition; a dry run returns it without doing anything. */
public record PublicationPlan(TableName table, PublishMode mode, List<PlannedPartition> partitions) {
    public PublicationPlan {
        partitions = List.copyOf(partitions);
    }

    public List<PlannedPartition> withAction(PlannedPartition.Action action) {
        return partitions.stream().filter(p -> p.action() == action).collect(Collectors.toList());
    }

    public List<String> names(PlannedPartition.Action action) {
        return withAction(action).stream().map(PlannedPartition::name).collect(Collectors.toList());
    }

    /** {@code db.t OVERWRITE_PARTITIONS: add 2 [dt=...], replace 1 [dt=...], append 0, drop 0}. */
    public String describe() {
        StringBuilder text = new StringBuilder(table.toString()).append(' ').append(mode).append(':');
        String separator = " ";
        for (PlannedPartition.Action action : PlannedPartition.Action.values()) {
            List<String> names = names(action);
            text.append(separator).append(action.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(names.size());
            if (!names.isEmpty()) {
                text.append(' ').append(names);
            }
            separator = ", ";
        }
        return text.toString();
    }
}
