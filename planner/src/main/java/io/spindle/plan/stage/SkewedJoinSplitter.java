package io.spindle.plan.stage;

import io.spindle.plan.logical.JoinType;
import io.spindle.plan.physical.HashJoinExec;
import io.spindle.plan.physical.JoinStrategy;
import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ShuffleReadExec;
import io.spindle.plan.physical.ShuffleReadExec.PartitionRange;
import io.spindle.plan.stage.StageTaskResult.MapOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The adaptive skew split of a shuffled join, from the sizes the map tasks actually wrote: a reduce
 * partition of one side that is {@code skewFactor} times that side's median and over
 * {@code skewThresholdBytes} is read by several tasks, each taking the outputs of a run of map
 * tasks (about the target partition size), while each of them reads the other side's whole
 * partition. Only a side whose unmatched rows the join does not emit from the other side can be
 * split: the left of inner, left outer, semi and anti joins; the right of inner and right outer.
 *
 * <pre>
 * left  p7 = 900 MB (maps 0..7)   ==&gt;  task a: left p7 maps [0, 3) + right p7
 * right p7 =   2 MB                     task b: left p7 maps [3, 6) + right p7
 *                                       task c: left p7 maps [6, 8) + right p7
 * </pre>
 */
final class SkewedJoinSplitter {
    private SkewedJoinSplitter() {}

    /** Each join side's shuffle id with its reduce ranges, or null when no partition is split. */
    static Map<Integer, List<PartitionRange>> split(int stageId, PhysicalPlan fragment, List<PartitionRange> joint,
            Map<Integer, List<MapOutput>> outputs, SchedulerSettings settings, List<String> decisions) {
        List<HashJoinExec> joins = new ArrayList<>();
        fragment.transformUp(node -> {
            if (node instanceof HashJoinExec join && join.strategy() != JoinStrategy.BROADCAST_HASH) {
                joins.add(join);
            }
            return node;
        });
        if (joins.size() != 1) {
            return null;
        }
        HashJoinExec join = joins.get(0);
        List<Integer> leftReads = reads(join.left());
        List<Integer> rightReads = reads(join.right());
        if (leftReads.size() != 1 || rightReads.size() != 1 || !outputs.containsKey(leftReads.get(0))
                || !outputs.containsKey(rightReads.get(0))) {
            return null;
        }
        JoinType type = join.joinType();
        boolean splitLeft = type == JoinType.INNER || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_SEMI
                || type == JoinType.LEFT_ANTI;
        boolean splitRight = type == JoinType.INNER || type == JoinType.RIGHT_OUTER;
        List<MapOutput> left = outputs.get(leftReads.get(0));
        List<MapOutput> right = outputs.get(rightReads.get(0));
        long[] leftSizes = sizes(left);
        long[] rightSizes = sizes(right);
        long leftMedian = median(leftSizes);
        long rightMedian = median(rightSizes);
        List<PartitionRange> leftRanges = new ArrayList<>();
        List<PartitionRange> rightRanges = new ArrayList<>();
        boolean split = false;
        for (PartitionRange range : joint) {
            int p = range.start();
            boolean single = range.end() - range.start() == 1 && p < leftSizes.length && p < rightSizes.length;
            boolean leftSkewed = single && splitLeft && skewed(leftSizes[p], leftMedian, settings);
            boolean rightSkewed = single && splitRight && skewed(rightSizes[p], rightMedian, settings);
            boolean onLeft = leftSkewed && (!rightSkewed || leftSizes[p] >= rightSizes[p]);
            List<int[]> pieces = leftSkewed || rightSkewed
                    ? mapRuns(onLeft ? left : right, p, Math.max(onLeft ? leftMedian : rightMedian,
                            settings.targetPartitionBytes())) : List.of();
            if (pieces.size() < 2) {
                leftRanges.add(range);
                rightRanges.add(range);
                continue;
            }
            for (int[] piece : pieces) {
                PartitionRange share = new PartitionRange(p, p + 1, piece[0], piece[1]);
                leftRanges.add(onLeft ? share : range);
                rightRanges.add(onLeft ? range : share);
            }
            decisions.add("Stage " + stageId + ": skewed partition " + p + " of the " + (onLeft ? "left" : "right")
                    + " side of " + join.nodeString() + " (" + (onLeft ? leftSizes[p] : rightSizes[p])
                    + " bytes, median " + (onLeft ? leftMedian : rightMedian) + ") split into " + pieces.size()
                    + " tasks by map ranges");
            split = true;
        }
        return split ? Map.of(leftReads.get(0), leftRanges, rightReads.get(0), rightRanges) : null;
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

    private static List<Integer> reads(PhysicalPlan side) {
        List<Integer> ids = new ArrayList<>();
        side.transformUp(node -> {
            if (node instanceof ShuffleReadExec read) {
                ids.add(read.shuffleId());
            }
            return node;
        });
        return ids;
    }
}
