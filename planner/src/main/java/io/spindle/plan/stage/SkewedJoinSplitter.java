package io.spindle.plan.stage;

import io.spindle.plan.logical.JoinType;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.plan.physical.FilterExec;
import io.spindle.plan.physical.GenerateExec;
import io.spindle.plan.physical.HashAggregateExec;
import io.spindle.plan.physical.HashJoinExec;
import io.spindle.plan.physical.JoinStrategy;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ProjectExec;
import io.spindle.plan.physical.ShuffleReadExec;
import io.spindle.plan.physical.ShuffleReadExec.PartitionRange;
import io.spindle.plan.physical.UnionExec;
import io.spindle.plan.stage.StageTaskResult.MapOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The adaptive skew split of shuffled joins, from the sizes the map tasks actually wrote: a reduce
 * partition of one join input that is {@code skewFactor} times that input's median and over
 * {@code skewThresholdBytes} is read by several tasks, each taking the outputs of a run of map
 * tasks (about the target partition size), while each of them reads every other input's whole
 * partition.
 *
 * <p>Every shuffled join of a stage is handled: the stage's topmost shuffled joins each read their
 * inputs side by side (a union can hold several; a join whose input is already partitioned by its
 * keys, such as a window or a final aggregate by those keys, shares the stage with that input's
 * shuffle). For each, per partition, the biggest skewed input that can be split is split. An input
 * can be split only when every operator from it up to the stage's output handles its rows one by
 * one (project, filter, explode, partial aggregate, union, the probe side of a broadcast join) or
 * is a shuffled join on a side whose unmatched rows the other side does not emit: the left of
 * inner, left outer, semi and anti joins; the right of inner and right outer. A window or a final
 * aggregate over the input needs all of a partition's rows in one task, so it blocks the split
 * (splitting there would give each task part of a window partition or group).
 *
 * <pre>
 * left  p7 = 900 MB (maps 0..7)   ==&gt;  task a: left p7 maps [0, 3) + right p7
 * right p7 =   2 MB                     task b: left p7 maps [3, 6) + right p7
 *                                       task c: left p7 maps [6, 8) + right p7
 * </pre>
 */
final class SkewedJoinSplitter {
    private SkewedJoinSplitter() {}

    /** A shuffle read of a join cluster: whether it may be split, and the join and side that read it, for explain. */
    private record Input(int shuffleId, boolean splittable, HashJoinExec join, boolean onLeft) {}

    /** Each split cluster's shuffle ids with their reduce ranges, or null when no partition is split. */
    static Map<Integer, List<PartitionRange>> split(int stageId, PhysicalPlan fragment, List<PartitionRange> joint,
            Map<Integer, List<MapOutput>> outputs, SchedulerSettings settings, List<String> decisions) {
        List<List<Input>> clusters = new ArrayList<>();
        findClusters(fragment, true, clusters);
        Map<Integer, List<PartitionRange>> ranges = new java.util.HashMap<>();
        for (List<Input> cluster : clusters) {
            Map<Integer, List<PartitionRange>> split = splitCluster(stageId, cluster, joint, outputs, settings,
                    decisions);
            if (split != null) {
                ranges.putAll(split);
            }
        }
        return ranges.isEmpty() ? null : ranges;
    }

    /** The topmost shuffled joins under {@code node}, each with the reads under it. */
    private static void findClusters(PhysicalPlan node, boolean rowLocalAbove, List<List<Input>> clusters) {
        if (node instanceof HashJoinExec join && join.strategy() != JoinStrategy.BROADCAST_HASH) {
            List<Input> inputs = new ArrayList<>();
            collectInputs(node, rowLocalAbove, null, false, inputs);
            clusters.add(inputs);
            return;
        }
        boolean rowLocal = rowLocalAbove && isRowLocal(node);
        for (PhysicalPlan child : node.children()) {
            boolean buildSide = node instanceof HashJoinExec join && child == join.buildSide();
            findClusters(child, rowLocal && !buildSide, clusters);
        }
    }

    private static void collectInputs(PhysicalPlan node, boolean splittable, HashJoinExec join, boolean onLeft,
            List<Input> inputs) {
        if (node instanceof ShuffleReadExec read) {
            inputs.add(new Input(read.shuffleId(), splittable, join, onLeft));
            return;
        }
        if (node instanceof HashJoinExec shuffled && shuffled.strategy() != JoinStrategy.BROADCAST_HASH) {
            JoinType type = shuffled.joinType();
            boolean splitLeft = type == JoinType.INNER || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_SEMI
                    || type == JoinType.LEFT_ANTI;
            boolean splitRight = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
            collectInputs(shuffled.left(), splittable && splitLeft, shuffled, true, inputs);
            collectInputs(shuffled.right(), splittable && splitRight, shuffled, false, inputs);
            return;
        }
        boolean rowLocal = splittable && isRowLocal(node);
        for (PhysicalPlan child : node.children()) {
            if (node instanceof HashJoinExec broadcast && child == broadcast.buildSide()) {
                continue; // read whole by every task, not by partition ranges
            }
            collectInputs(child, rowLocal, join, onLeft, inputs);
        }
    }

    /** Operators whose output for some of a partition's rows is their output for the whole partition, restricted. */
    private static boolean isRowLocal(PhysicalPlan node) {
        return node instanceof ProjectExec || node instanceof FilterExec || node instanceof GenerateExec
                || node instanceof UnionExec || node instanceof HashJoinExec
                || node instanceof HashAggregateExec aggregate && aggregate.mode() == AggregateMode.PARTIAL;
    }

    private static Map<Integer, List<PartitionRange>> splitCluster(int stageId, List<Input> cluster,
            List<PartitionRange> joint, Map<Integer, List<MapOutput>> outputs, SchedulerSettings settings,
            List<String> decisions) {
        java.util.Set<Integer> ids = new java.util.LinkedHashSet<>();
        for (Input input : cluster) {
            if (!ids.add(input.shuffleId()) || !outputs.containsKey(input.shuffleId())) {
                return null; // a shuffle read twice (or not resolved here) has no single range list to split
            }
        }
        Map<Integer, long[]> sizes = new java.util.HashMap<>();
        Map<Integer, Long> medians = new java.util.HashMap<>();
        for (Input input : cluster) {
            long[] inputSizes = sizes(outputs.get(input.shuffleId()));
            sizes.put(input.shuffleId(), inputSizes);
            medians.put(input.shuffleId(), median(inputSizes));
        }
        Map<Integer, List<PartitionRange>> ranges = new java.util.LinkedHashMap<>();
        ids.forEach(id -> ranges.put(id, new ArrayList<>()));
        boolean split = false;
        for (PartitionRange range : joint) {
            int p = range.start();
            Input chosen = null;
            for (Input input : cluster) {
                long[] inputSizes = sizes.get(input.shuffleId());
                boolean single = range.end() - range.start() == 1 && p < inputSizes.length;
                if (single && input.splittable() && skewed(inputSizes[p], medians.get(input.shuffleId()), settings)
                        && (chosen == null || inputSizes[p] > sizes.get(chosen.shuffleId())[p])) {
                    chosen = input;
                }
            }
            List<int[]> pieces = chosen == null ? List.of() : mapRuns(outputs.get(chosen.shuffleId()), p,
                    Math.max(medians.get(chosen.shuffleId()), settings.targetPartitionBytes()));
            if (pieces.size() < 2) {
                ranges.values().forEach(list -> list.add(range));
                continue;
            }
            for (int[] piece : pieces) {
                PartitionRange share = new PartitionRange(p, p + 1, piece[0], piece[1]);
                for (Map.Entry<Integer, List<PartitionRange>> entry : ranges.entrySet()) {
                    entry.getValue().add(entry.getKey() == chosen.shuffleId() ? share : range);
                }
            }
            decisions.add("Stage " + stageId + ": skewed partition " + p + " of the " + (chosen.onLeft() ? "left" : "right")
                    + " side of " + chosen.join().nodeString() + " (" + sizes.get(chosen.shuffleId())[p]
                    + " bytes, median " + medians.get(chosen.shuffleId()) + ") split into " + pieces.size()
                    + " tasks by map ranges");
            split = true;
        }
        return split ? ranges : null;
    }

    private static boolean skewed(long bytes, long median, SchedulerSettings settings) {
        return bytes > settings.skewThresholdBytes() && bytes > settings.skewFactor() * median;
    }

    /** Runs of consecutive map outputs of partition {@code p} of about {@code target} bytes each. */
    private static List<int[]> mapRuns(List<MapOutput> maps, int p, long target) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int m = 0; m < maps.size(); m++) {
            bytes += maps.get(m).partitionBytes()[p];
            if (bytes >= target) {
                runs.add(new int[] {start, m + 1});
                start = m + 1;
                bytes = 0;
            }
        }
        if (start < maps.size()) {
            if (bytes == 0 && !runs.isEmpty()) {
                runs.get(runs.size() - 1)[1] = maps.size(); // trailing empty outputs join the last run
            } else {
                runs.add(new int[] {start, maps.size()});
            }
        }
        return runs;
    }

    private static long[] sizes(List<MapOutput> maps) {
        long[] sizes = new long[maps.isEmpty() ? 0 : maps.get(0).partitionBytes().length];
        for (MapOutput map : maps) {
            for (int p = 0; p < sizes.length; p++) {
                sizes[p] += map.partitionBytes()[p];
            }
        }
        return sizes;
    }

    private static long median(long[] sizes) {
        if (sizes.length == 0) {
            return 0;
        }
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
