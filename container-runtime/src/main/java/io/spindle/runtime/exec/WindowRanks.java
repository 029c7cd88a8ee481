package io.spindle.runtime.exec;

import io.spindle.formats.batch.IntVector;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.WindowFunction;
import java.util.Arrays;

/**
 * Each held row's partition number, row number, rank and dense rank, counted as sorted rows arrive
 * at a {@link WindowOperator}: in primitive arrays indexed like its held rows, shifted when it drops
 * emitted ones. The partition numbers also tell lag and lead where a partition ends.
 */
final class WindowRanks {
    long[] partitionIds = new long[1024];
    private int[] rowNumbers = new int[1024];
    private int[] ranks = new int[1024];
    private int[] denseRanks = new int[1024];
    private long partitionId = -1;
    private int rowNumber;
    private int rank;
    private int denseRank;

    /** Whether no row arrived yet (the first row starts a partition whatever its keys). */
    boolean beforeFirstRow() {
        return partitionId < 0;
    }

    /** Counts the row at {@code at}, which starts a new partition and/or a new peer group as told. */
    void add(int at, boolean newPartition, boolean newPeer) {
        if (newPartition) {
            partitionId++;
            rowNumber = 0;
            rank = 0;
            denseRank = 0;
        }
        rowNumber++;
        if (newPeer) {
            rank = rowNumber;
            denseRank++;
        }
        partitionIds[at] = partitionId;
        rowNumbers[at] = rowNumber;
        ranks[at] = rank;
        denseRanks[at] = denseRank;
    }

    /** row_number, rank or dense_rank of the held rows {@code range} (consecutive). */
    IntVector output(WindowFunction function, int[] range) {
        int[] source = function.kind() == WindowFunction.Kind.ROW_NUMBER ? rowNumbers
                : function.kind() == WindowFunction.Kind.RANK ? ranks : denseRanks;
        IntVector out = new IntVector(DataType.INT, Math.max(range.length, 1));
        System.arraycopy(source, range[0], out.values(), 0, range.length);
        return out;
    }

    /** Drops the first {@code count} of {@code size} held rows. */
    void shift(int count, int size) {
        int remaining = size - count;
        System.arraycopy(partitionIds, count, partitionIds, 0, remaining);
        System.arraycopy(rowNumbers, count, rowNumbers, 0, remaining);
        System.arraycopy(ranks, count, ranks, 0, remaining);
        System.arraycopy(denseRanks, count, denseRanks, 0, remaining);
    }

    void ensure(int rows) {
        if (partitionIds.length < rows) {
            int capacity = Math.max(rows, partitionIds.length * 2);
            partitionIds = Arrays.copyOf(partitionIds, capacity);
            rowNumbers = Arrays.copyOf(rowNumbers, capacity);
            ranks = Arrays.copyOf(ranks, capacity);
            denseRanks = Arrays.copyOf(denseRanks, capacity);
        }
    }
}
