package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PlanText;
import java.io.Serializable;
import java.util.List;

/**
 * Reads the output of shuffle {@code shuffleId}. Until its map stage has run the read is
 * unresolved ({@code mapIndexFiles} empty); the scheduler then fills in the committed map outputs
 * and the reduce partitions, each a range of the map side's partitions coalesced to about the
 * target size.
 *
 * @param mapIndexFiles the committed index file of every map task
 * @param ranges reduce partitions: {@code [startPartition, endPartition)} of the map side's partitions
 */
public record ShuffleReadExec(int shuffleId, List<ColumnRef> output, List<String> mapIndexFiles,
        List<PartitionRange> ranges) implements SourceExec {

    /**
     * Map partitions {@code [start, end)} read by one reduce task, from the outputs of map tasks
     * {@code [mapStart, mapEnd)}, or of every map task when {@code mapEnd} is -1. A map range reads a
     * share of a skewed partition (the adaptive skew split).
     */
    public record PartitionRange(int start, int end, int mapStart, int mapEnd) implements Serializable {
        public PartitionRange(int start, int end) {
            this(start, end, 0, -1);
        }

        public boolean allMaps() {
            return mapEnd < 0;
        }

        @Override
        public String toString() {
            return "[" + start + ", " + end + ")" + (allMaps() ? "" : " maps [" + mapStart + ", " + mapEnd + ")");
        }
    }

    public ShuffleReadExec {
        output = List.copyOf(output);
        mapIndexFiles = List.copyOf(mapIndexFiles);
        ranges = List.copyOf(ranges);
    }

    public static ShuffleReadExec unresolved(int shuffleId, List<ColumnRef> output) {
        return new ShuffleReadExec(shuffleId, output, List.of(), List.of());
    }

    public ShuffleReadExec resolve(List<String> indexFiles, List<PartitionRange> reduceRanges) {
        return new ShuffleReadExec(shuffleId, output, indexFiles, reduceRanges);
    }

    @Override
    public int partitionCount() {
        return ranges.size();
    }

    @Override
    public SourceExec slice(int partition) {
        return new ShuffleReadExec(shuffleId, output, mapIndexFiles, List.of(ranges.get(partition)));
    }

    @Override
    public SourceExec empty() {
        return new ShuffleReadExec(shuffleId, output, List.of(), List.of());
    }

    @Override
    public String nodeString() {
        return "ShuffleRead " + shuffleId + " " + PlanText.list(output);
    }
}
