package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sort's memory accounting against the heap the JVM reports after a full GC: what it reserves
 * must cover what its buffered rows really retain (short strings included, whose arrays used to be
 * counted by their bytes in use rather than their allocated size), and a sort of ten times its
 * budget must keep the heap it holds near that budget. Regression test for a lineitem sort that ran
 * out of a 1 GB heap under a 256 MB budget.
 */
class SortOperatorMemoryTest {
    /** Lineitem-like: keys, a one-character flag, a short mode, a comment. */
    private static final Schema SCHEMA = Schema.of(Field.of("orderkey", DataType.LONG),
            Field.of("shipdate", DataType.DATE), Field.of("price", DataType.DOUBLE),
            Field.of("flag", DataType.STRING), Field.of("mode", DataType.STRING), Field.of("comment", DataType.STRING));
    private static final String[] MODES = {"AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", "REG AIR"};
    private static final int BATCH_ROWS = 4096;

    @TempDir
    Path spill;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Fills {@code batch} (reused, so the input holds no heap of its own) with the next rows. */
    private static void fill(ColumnBatch batch, SplittableRandom random) {
        batch.reset();
        LongVector orderkey = (LongVector) batch.column(0);
        IntVector shipdate = (IntVector) batch.column(1);
        DoubleVector price = (DoubleVector) batch.column(2);
        BytesVector flag = (BytesVector) batch.column(3);
        BytesVector mode = (BytesVector) batch.column(4);
        BytesVector comment = (BytesVector) batch.column(5);
        for (int row = 0; row < BATCH_ROWS; row++) {
            orderkey.set(row, random.nextLong(6_000_000));
            shipdate.set(row, 8000 + random.nextInt(2500));
            price.set(row, random.nextDouble(1, 100_000));
            flag.set(row, new byte[] {(byte) "ANR".charAt(random.nextInt(3))});
            mode.set(row, MODES[random.nextInt(MODES.length)].getBytes(StandardCharsets.US_ASCII));
            comment.set(row, ("c" + random.nextInt(1_000_000)).getBytes(StandardCharsets.US_ASCII));
        }
        batch.setRowCount(BATCH_ROWS);
    }

    private SortOperator sort(TaskMemoryBudget budget) {
        return new SortOperator(List.of(new ColumnEvaluator(1, DataType.DATE), new ColumnEvaluator(0, DataType.LONG)),
                new boolean[] {true, true}, new boolean[] {true, true}, SCHEMA, budget, spill, BATCH_ROWS);
    }

    @Test
    void reservedBytesCoverTheHeapTheBufferedRowsRetain() throws Exception {
        ColumnBatch input = ColumnBatch.allocate(SCHEMA, BATCH_ROWS);
        SplittableRandom random = new SplittableRandom(5);
        TaskMemoryBudget budget = new TaskMemoryBudget(1L << 30);
        long before = usedHeapAfterGc();
        SortOperator sort = sort(budget);
        for (int b = 0; b < 100; b++) {
            fill(input, random);
            sort.addInput(input);
        }
        long retained = usedHeapAfterGc() - before;
        long reserved = sort.reservedBytes();

        assertThat(sort.spillCount()).isZero();
        assertThat(reserved).as("reserved %d bytes for %d retained", reserved, retained)
                .isGreaterThanOrEqualTo(retained * 95 / 100)
                .isLessThanOrEqualTo(retained * 3 / 2);
        sort.finish();
        long rows = 0;
        for (ColumnBatch out = sort.getOutput(); out != null; out = sort.getOutput()) {
            rows += out.rowCount();
        }
        sort.close();
        assertThat(rows).isEqualTo(100L * BATCH_ROWS);
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void aSortOfTenTimesItsBudgetHoldsAboutItsBudgetOfHeap() throws Exception {
        ColumnBatch input = ColumnBatch.allocate(SCHEMA, BATCH_ROWS);
        SplittableRandom random = new SplittableRandom(7);
        ColumnBatch probe = ColumnBatch.allocate(SCHEMA, BATCH_ROWS);
        fill(probe, new SplittableRandom(7));
        long perBatch = Vectors.retainedBytes(Vectors.compactCopy(probe, SCHEMA));
        long budgetBytes = 20 * perBatch;
        TaskMemoryBudget budget = new TaskMemoryBudget(budgetBytes);
        long before = usedHeapAfterGc();
        SortOperator sort = sort(budget);
        long peak = 0;
        for (int b = 0; b < 200; b++) {
            fill(input, random);
            sort.addInput(input);
            if (b % 17 == 16) {
                peak = Math.max(peak, usedHeapAfterGc() - before);
            }
        }
        assertThat(sort.spillCount()).isGreaterThanOrEqualTo(9);
        // The budget, the batch in flight, and a little for the operator's lists and spill files.
        assertThat(peak).as("heap held by a sort with a %d-byte budget", budgetBytes)
                .isLessThanOrEqualTo(budgetBytes + perBatch + (1L << 20));

        sort.finish();
        long rows = 0;
        long previous = Long.MIN_VALUE;
        for (ColumnBatch out = sort.getOutput(); out != null; out = sort.getOutput()) {
            IntVector shipdate = (IntVector) out.column(1);
            LongVector orderkey = (LongVector) out.column(0);
            for (int row = 0; row < out.rowCount(); row++) {
                long key = (long) shipdate.values()[row] << 32 | orderkey.values()[row];
                assertThat(key).isGreaterThanOrEqualTo(previous);
                previous = key;
            }
            rows += out.rowCount();
        }
        sort.close();
        assertThat(rows).isEqualTo(200L * BATCH_ROWS);
        assertThat(budget.usedBytes()).isZero();
    }
}
