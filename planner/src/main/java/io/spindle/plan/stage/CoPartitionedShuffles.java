package io.spindle.plan.stage;

import io.spindle.plan.physical.HashJoinExec;
import io.spindle.plan.physical.JoinStrategy;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ShuffleReadExec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shuffles read side by side by a shuffled join: task i of the join must read partition range i
 * of both sides, so these shuffles are written with one common number of partitions
 * ({@link #width}) and their reads coalesced together, on the sum of both sides' partition sizes.
 */
final class CoPartitionedShuffles {
    private final Set<Integer> shuffleIds;
    private final int width;

    private CoPartitionedShuffles(Set<Integer> shuffleIds, int width) {
        this.shuffleIds = shuffleIds;
        this.width = width;
    }

    static CoPartitionedShuffles of(StageGraph graph, int width) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (Stage stage : graph.stages()) {
            stage.fragment().transformUp(node -> {
                if (node instanceof HashJoinExec join && join.strategy() != JoinStrategy.BROADCAST_HASH) {
                    for (PhysicalPlan child : join.children()) {
                        child.transformUp(part -> {
                            if (part instanceof ShuffleReadExec read) {
                                ids.add(read.shuffleId());
                            }
                            return part;
                        });
                    }
                }
                return node;
            });
        }
        return new CoPartitionedShuffles(ids, width);
    }

    boolean contains(int shuffleId) {
        return shuffleIds.contains(shuffleId);
    }

    int width() {
        return width;
    }

    /** Summed partition sizes of the co-partitioned shuffles {@code fragment} reads, or null if none. */
    long[] summedSizes(PhysicalPlan fragment, Map<Integer, long[]> sizesByShuffle) {
        long[][] total = {null};
        fragment.transformUp(node -> {
            if (node instanceof ShuffleReadExec read && contains(read.shuffleId())) {
                long[] sizes = sizesByShuffle.get(read.shuffleId());
                if (sizes != null && sizes.length == width) {
                    if (total[0] == null) {
                        total[0] = new long[width];
                    }
                    for (int p = 0; p < width; p++) {
                        total[0][p] += sizes[p];
                    }
                }
            }
            return node;
        });
        return total[0];
    }
}
