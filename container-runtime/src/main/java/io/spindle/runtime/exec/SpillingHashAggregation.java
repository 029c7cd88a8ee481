package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.runtime.memory.TaskMemoryBudget;
import io.spindle.runtime.shuffle.KeyHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hash aggregation that spills. It aggregates into a {@link HashAggregationOperator}; when the task
 * budget is exceeded, it writes the table's keys and partial states to local disk, split into
 * {@value #PARTITIONS} runs by key hash, and starts an empty table. At the end, if it spilled, it
 * spills the last table too and then merges one hash partition at a time (all runs of a
 * partition hold every state of its keys), so at most about 1/{@value #PARTITIONS} of the groups
 * is in memory at once. A partition that is still larger than the budget is merged anyway and
 * accounted over budget: recursive repartitioning is not implemented.
 *
 * <p>Spilled states are merged with the same accumulator merge as a shuffle's, so results equal
 * those of an aggregation that never spilled; for {@code first}, the run order keeps the earliest
 * state first.
 */
public final class SpillingHashAggregation implements Operator {
    static final int PARTITIONS = 16;
    private static final int BLOCK_ROWS = 4096;
    /**
     * A table spills only once it holds 1/4 of the budget: when other operators of the task hold
     * the rest, spilling a tiny table after every batch would write thousands of small runs.
     */
    private static final int MIN_SHARE_TO_SPILL = 4;

    private final AggregateMode mode;
    private final int keyCount;
    private final Function<AggregateMode, HashAggregationOperator> tables;
    private final Schema statesSchema;
    private final TaskMemoryBudget budget;
    private final Path spillDirectory;
    private final List<List<SpillFile>> runs = new ArrayList<>();
    private HashAggregationOperator table;
    private int spillCount;
    private int mergingPartition = -1;
    private boolean finishing;
    private boolean done;

    /**
     * @param tables makes an empty table: PARTIAL reads input rows, FINAL reads keys and states
     * @param statesSchema keys followed by every accumulator's state columns
     */
    public SpillingHashAggregation(AggregateMode mode, int keyCount, Function<AggregateMode, HashAggregationOperator> tables,
            Schema statesSchema, TaskMemoryBudget budget, Path spillDirectory) {
        this.mode = mode;
        this.keyCount = keyCount;
        this.tables = tables;
        this.statesSchema = statesSchema;
        this.budget = budget;
        this.spillDirectory = spillDirectory;
        this.table = tables.apply(mode);
        for (int p = 0; p < PARTITIONS; p++) {
            runs.add(new ArrayList<>());
        }
    }

    /** How many times the table was written to disk. */
    public int spillCount() {
        return spillCount;
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        table.addInput(batch);
        if (budget.usedBytes() > budget.limitBytes() && table.groupCount() > 1
                && table.reservedBytes() >= budget.limitBytes() / MIN_SHARE_TO_SPILL) {
            spill();
        }
    }

    private void spill() {
        table.finishWithStates(statesSchema);
        List<ColumnBatch> states = new ArrayList<>();
        for (ColumnBatch out = table.getOutput(); out != null; out = table.getOutput()) {
            states.add(out);
        }
        closeTable();
        try {
            for (int p = 0; p < PARTITIONS; p++) {
                ColumnBatch part = partition(states, p);
                if (part.rowCount() > 0) {
                    runs.get(p).add(SpillFile.write(spillDirectory, statesSchema, part, identity(part.rowCount()),
                            BLOCK_ROWS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill aggregation state to " + spillDirectory + ": "
                    + e.getMessage(), e);
        }
        spillCount++;
        table = tables.apply(mode == AggregateMode.PARTIAL ? AggregateMode.PARTIAL : AggregateMode.FINAL);
    }

    /** The rows of {@code batches} whose keys hash to partition {@code p}, in order. */
    private ColumnBatch partition(List<ColumnBatch> batches, int p) {
        int total = 0;
        List<int[]> selections = new ArrayList<>();
        for (ColumnBatch batch : batches) {
            int rows = batch.rowCount();
            int[] hashes = new int[rows];
            for (int k = 0; k < keyCount; k++) {
                KeyHasher.combine(batch.column(k), rows, hashes);
            }
            int[] selected = new int[rows];
            int count = 0;
            for (int r = 0; r < rows; r++) {
                if (Math.floorMod(KeyHasher.mix(hashes[r] ^ 0x2545F491L), PARTITIONS) == p) {
                    selected[count++] = r;
                }
            }
            selections.add(java.util.Arrays.copyOf(selected, count));
            total += count;
        }
        ColumnBatch part = ColumnBatch.allocate(statesSchema, Math.max(total, 1));
        int row = 0;
        for (int b = 0; b < batches.size(); b++) {
            int[] selected = selections.get(b);
            for (int c = 0; c < statesSchema.size(); c++) {
                ColumnVector target = part.column(c);
                Vectors.gather(batches.get(b).column(c), selected, 0, selected.length, target, row);
            }
            row += selected.length;
        }
        part.setRowCount(total);
        return part;
    }

    private static int[] identity(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }

    @Override
    public ColumnBatch getOutput() {
        if (!finishing || done) {
            return null;
        }
        while (true) {
            ColumnBatch out = table.getOutput();
            if (out != null) {
                return out;
            }
            if (spillCount == 0 || mergingPartition == PARTITIONS - 1) {
                done = true;
                return null;
            }
            mergeNextPartition();
        }
    }

    /** Loads every run of the next partition into a fresh merging table. */
    private void mergeNextPartition() {
        closeTable();
        mergingPartition++;
        table = tables.apply(AggregateMode.FINAL);
        try {
            for (SpillFile run : runs.get(mergingPartition)) {
                for (ColumnBatch block = run.next(); block != null; block = run.next()) {
                    table.addInput(block);
                }
                run.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read aggregation spill: " + e.getMessage(), e);
        }
        runs.get(mergingPartition).clear();
        if (mode == AggregateMode.PARTIAL) {
            table.finishWithStates(statesSchema);
        } else {
            table.finish();
        }
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        if (spillCount > 0 && table.groupCount() > 0) {
            spill();
        }
        table.finish();
    }

    @Override
    public boolean isFinished() {
        return done;
    }

    private void closeTable() {
        table.close();
    }

    @Override
    public void close() throws Exception {
        closeTable();
        for (List<SpillFile> partition : runs) {
            for (SpillFile run : partition) {
                run.close();
            }
        }
    }
}
