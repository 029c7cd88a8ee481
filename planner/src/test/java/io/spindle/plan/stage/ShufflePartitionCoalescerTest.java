package io.spindle.plan.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.plan.physical.ShuffleReadExec.PartitionRange;
import org.junit.jupiter.api.Test;

/** The adaptive step groups contiguous map partitions by the sizes actually written. */
class ShufflePartitionCoalescerTest {
    private static final long MB = 1L << 20;

    @Test
    void smallShuffleBecomesOneReducer() {
        assertThat(ShufflePartitionCoalescer.coalesce(new long[] {10, 0, 30, 5}, 128 * MB, MB, 8))
                .containsExactly(new PartitionRange(0, 4));
    }

    @Test
    void largeShuffleIsCutNearTheTargetAndSpreadOverTheSlots() {
        long[] sizes = new long[16];
        java.util.Arrays.fill(sizes, 40 * MB);
        // 640 MB over 2 slots: the even share (320 MB) exceeds the 128 MB target, so the target rules.
        assertThat(ShufflePartitionCoalescer.coalesce(sizes, 128 * MB, MB, 2)).containsExactly(
                new PartitionRange(0, 3), new PartitionRange(3, 6), new PartitionRange(6, 9), new PartitionRange(9, 12),
                new PartitionRange(12, 15), new PartitionRange(15, 16));
        // 640 MB over 8 slots: an even share of 80 MB per reducer keeps every slot busy.
        assertThat(ShufflePartitionCoalescer.coalesce(sizes, 128 * MB, MB, 8)).hasSize(8);
    }

    @Test
    void aSkewedPartitionStaysWholeAndItsNeighboursGroup() {
        long[] sizes = {MB, MB, 500 * MB, MB, MB};
        assertThat(ShufflePartitionCoalescer.coalesce(sizes, 128 * MB, MB, 2)).containsExactly(
                new PartitionRange(0, 2), new PartitionRange(2, 3), new PartitionRange(3, 5));
    }

    @Test
    void noMapOutputGivesOneEmptyReducer() {
        assertThat(ShufflePartitionCoalescer.coalesce(new long[1], 128 * MB, MB, 2))
                .containsExactly(new PartitionRange(0, 1));
    }
}
