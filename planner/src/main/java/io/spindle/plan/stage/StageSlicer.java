package io.spindle.plan.stage;

import io.spindle.plan.physical.CoalesceExec;
import io.spindle.plan.physical.HashJoinExec;
import io.spindle.plan.physical.JoinStrategy;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.SourceExec;
import io.spindle.plan.physical.UnionExec;
import java.util.ArrayList;
import java.util.List;

/**
 * Partitions of a fragment and the fragment seen by one partition's task. A union's partitions
 * are its children's, one after the other; any other node has its input's partitions.
 */
final class StageSlicer {
    private StageSlicer() {}

    static int partitionCount(PhysicalPlan plan) {
        if (plan instanceof SourceExec source) {
            return source.partitionCount();
        }
        if (plan instanceof HashJoinExec join && join.strategy() == JoinStrategy.BROADCAST_HASH) {
            return partitionCount(join.probeSide());
        }
        if (plan instanceof CoalesceExec coalesce) {
            return Math.min(coalesce.partitions(), partitionCount(coalesce.child()));
        }
        if (plan instanceof UnionExec) {
            int total = 0;
            for (PhysicalPlan child : plan.children()) {
                total += partitionCount(child);
            }
            return total;
        }
        int count = 0;
        for (PhysicalPlan child : plan.children()) {
            count = Math.max(count, partitionCount(child));
        }
        return count;
    }

    static PhysicalPlan slice(PhysicalPlan plan, int partition) {
        if (plan instanceof SourceExec source) {
            return source.slice(partition);
        }
        if (plan instanceof HashJoinExec join && join.strategy() == JoinStrategy.BROADCAST_HASH) {
            // Every task reads the whole build side: only the probe side is sliced.
            PhysicalPlan probe = slice(join.probeSide(), partition);
            return join.buildLeft() ? join.withChildren(List.of(join.left(), probe))
                    : join.withChildren(List.of(probe, join.right()));
        }
        if (plan instanceof CoalesceExec coalesce) {
            // This task reads a run of adjacent input partitions, one after the other.
            int inputs = partitionCount(coalesce.child());
            int[] range = CoalesceExec.inputRange(partition, partitionCount(coalesce), inputs);
            List<PhysicalPlan> parts = new ArrayList<>();
            for (int input = range[0]; input < range[1]; input++) {
                parts.add(slice(coalesce.child(), input));
            }
            return parts.size() == 1 ? parts.get(0) : new UnionExec(coalesce.output(), parts);
        }
        List<PhysicalPlan> children = new ArrayList<>();
        if (plan instanceof UnionExec) {
            int offset = 0;
            for (PhysicalPlan child : plan.children()) {
                int count = partitionCount(child);
                boolean mine = partition >= offset && partition < offset + count;
                children.add(mine ? slice(child, partition - offset) : empty(child));
                offset += count;
            }
        } else {
            for (PhysicalPlan child : plan.children()) {
                children.add(slice(child, partition));
            }
        }
        return plan.withChildren(children);
    }

    private static PhysicalPlan empty(PhysicalPlan plan) {
        return plan.transformUp(node -> node instanceof SourceExec source ? source.empty() : node);
    }
}
