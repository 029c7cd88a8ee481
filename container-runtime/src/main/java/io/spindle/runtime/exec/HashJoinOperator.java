package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.JoinType;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Hash join. The probe side streams in through {@link #addInput}; the build side is drained from its
 * own pipeline at the first input (or at finish) into a {@link JoinHashTable}. While the build
 * side fits the task's memory budget everything happens in memory. Past it the join turns into a
 * grace hash join: both sides are split by key hash into {@link #SPILL_PARTITIONS} files on local
 * disk, then joined partition by partition after the probe input ends.
 *
 * <p>Semantics: rows with a NULL key never match; a pair matches when the keys are equal and the
 * residual condition is true. Outer joins add the unmatched rows of their preserved sides with
 * NULLs for the other side; semi joins emit each probe row with a match once, anti joins each probe
 * row without one. Output columns: left then right (left only for semi and anti).
 */
public final class HashJoinOperator implements Operator {
    static final int SPILL_PARTITIONS = 16;

    private final JoinType joinType;
    private final boolean buildLeft;
    private final List<VectorEvaluator> probeKeys;
    private final List<VectorEvaluator> buildKeys;
    private final VectorEvaluator residual;
    private final Schema probeSchema;
    private final Schema buildSchema;
    private final Schema joinedSchema;
    private final Schema outputSchema;
    private final Pipeline buildInput;
    private final TaskMemoryBudget budget;
    private final Path spillDirectory;
    private final int batchRows;
    private final boolean probePreserved;
    private final boolean buildPreserved;

    private final ArrayDeque<ColumnBatch> ready = new ArrayDeque<>();
    private long reserved;
    private boolean built;
    private boolean finishing;
    private boolean done;
    private JoinHashTable table;
    private JoinSpillFile[] buildParts;
    private JoinSpillFile[] probeParts;
    private int partition = -1;
    private long spilledBytes;

    private final HashJoinProber prober;
    private final ReusableBatches outputBatches;
    private Object sharedTableKey;

    public HashJoinOperator(JoinType joinType, boolean buildLeft, List<VectorEvaluator> probeKeys,
            List<VectorEvaluator> buildKeys, VectorEvaluator residual, Schema probeSchema, Schema buildSchema,
            Schema joinedSchema, Schema outputSchema, Pipeline buildInput, TaskMemoryBudget budget, Path spillDirectory,
            int batchRows) {
        if (buildLeft && joinType.leftOnly()) {
            throw new IllegalArgumentException("A " + joinType.sqlName() + " join builds its right side");
        }
        this.joinType = joinType;
        this.buildLeft = buildLeft;
        this.probeKeys = probeKeys;
        this.buildKeys = buildKeys;
        this.residual = residual;
        this.probeSchema = probeSchema;
        this.buildSchema = buildSchema;
        this.joinedSchema = joinedSchema;
        this.outputSchema = outputSchema;
        this.buildInput = buildInput;
        this.budget = budget;
        this.spillDirectory = spillDirectory;
        this.batchRows = batchRows;
        this.probePreserved = buildLeft ? joinType.preservesRight() : joinType.preservesLeft();
        this.buildPreserved = buildLeft ? joinType.preservesLeft() : joinType.preservesRight();
        this.outputBatches = new ReusableBatches(joinedSchema);
        this.prober = new HashJoinProber(joinType, buildLeft, probeKeys, residual, probeSchema, buildSchema,
                joinedSchema, outputSchema, batchRows, probePreserved, ready, outputBatches);
    }

    /** Bytes this join wrote to local disk (zero when it ran in memory). */
    public long spilledBytes() {
        return spilledBytes;
    }

    @Override
    public boolean needsInput() {
        return !finishing && ready.isEmpty();
    }

    @Override
    public void addInput(ColumnBatch batch) {
        ensureBuilt();
        if (buildParts != null) {
            partitionInto(batch, probeKeys, probeSchema, probeParts);
        } else {
            prober.probe(batch, table);
        }
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        ensureBuilt();
        finishing = true;
        if (buildParts == null && buildPreserved) {
            prober.emitUnmatchedBuild(table);
        }
    }

    @Override
    public ColumnBatch getOutput() {
        outputBatches.releaseLast();
        while (ready.isEmpty() && finishing && buildParts != null && !done) {
            advanceSpilled();
        }
        if (!ready.isEmpty()) {
            return outputBatches.handOut(ready.poll());
        }
        if (finishing && buildParts == null) {
            done = true;
        }
        return null;
    }

    @Override
    public boolean isFinished() {
        return done && ready.isEmpty();
    }

    // ---- build ----

    /**
     * Shares the built table with the other tasks of this executor that join the same broadcast
     * side (see {@link BroadcastTableCache}); {@code key} identifies that side and its keys.
     */
    HashJoinOperator shareBuildTable(Object key) {
        this.sharedTableKey = buildPreserved ? null : key;
        return this;
    }

    private void ensureBuilt() {
        if (built) {
            return;
        }
        built = true;
        if (sharedTableKey != null) {
            table = BroadcastTableCache.getOrBuild(sharedTableKey, this::build);
            if (table != null || buildParts != null) {
                return;
            }
        }
        build();
    }

    /** Drains the build side into a table, or into grace partitions past the budget (then returns null). */
    private JoinHashTable build() {
        BatchBuffer buffer = new BatchBuffer(buildSchema);
        for (ColumnBatch batch = buildInput.next(); batch != null; batch = buildInput.next()) {
            if (buildParts != null) {
                partitionInto(batch, buildKeys, buildSchema, buildParts);
                continue;
            }
            long size = Vectors.estimateBytes(batch);
            if (budget.tryReserve(size)) {
                reserved += size;
                buffer.add(batch);
            } else {
                startSpilling(buffer);
                partitionInto(batch, buildKeys, buildSchema, buildParts);
            }
        }
        if (buildParts == null) {
            table = new JoinHashTable(buffer.drain(), buildKeys);
        }
        return table;
    }

    private void startSpilling(BatchBuffer buffer) {
        buildParts = new JoinSpillFile[SPILL_PARTITIONS];
        probeParts = new JoinSpillFile[SPILL_PARTITIONS];
        try {
            for (int p = 0; p < SPILL_PARTITIONS; p++) {
                buildParts[p] = new JoinSpillFile(spillDirectory, buildSchema);
                probeParts[p] = new JoinSpillFile(spillDirectory, probeSchema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill a join to " + spillDirectory + ": " + e.getMessage(), e);
        }
        if (buffer.rows() > 0) {
            partitionInto(buffer.drain(), buildKeys, buildSchema, buildParts);
        }
        budget.release(reserved);
        reserved = 0;
    }

    /** Appends each row of {@code batch} to the spill file of its key's grace partition. */
    private void partitionInto(ColumnBatch batch, List<VectorEvaluator> keys, Schema schema, JoinSpillFile[] files) {
        int rows = batch.rowCount();
        int[] hashes = JoinHashTable.hash(JoinHashTable.evaluateKeys(keys, batch), rows);
        int[][] members = new int[SPILL_PARTITIONS][];
        int[] counts = new int[SPILL_PARTITIONS];
        for (int r = 0; r < rows; r++) {
            int p = spillPartition(hashes[r]);
            if (members[p] == null) {
                members[p] = new int[rows];
            }
            members[p][counts[p]++] = r;
        }
        try {
            for (int p = 0; p < SPILL_PARTITIONS; p++) {
                if (counts[p] > 0) {
                    long before = files[p].bytes();
                    files[p].append(Vectors.select(batch, schema, members[p], counts[p]));
                    spilledBytes += files[p].bytes() - before;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill a join to " + spillDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Independent of the shuffle's partition choice (which uses the low bits of another mix). */
    private static int spillPartition(int hash) {
        return (hash * 0x9E3779B9) >>> 28;
    }

    /** Joins the next probe block of the current spilled partition, or moves on to the next partition. */
    private void advanceSpilled() {
        try {
            if (table != null) {
                ColumnBatch probeBatch = probeParts[partition].next();
                if (probeBatch != null) {
                    prober.probe(probeBatch, table);
                    return;
                }
                if (buildPreserved) {
                    prober.emitUnmatchedBuild(table);
                }
                budget.release(reserved);
                reserved = 0;
                table = null;
            }
            partition++;
            if (partition >= SPILL_PARTITIONS) {
                done = true;
                return;
            }
            BatchBuffer buffer = new BatchBuffer(buildSchema);
            for (ColumnBatch batch = buildParts[partition].next(); batch != null;
                    batch = buildParts[partition].next()) {
                long size = Vectors.estimateBytes(batch);
                budget.reserve(size); // a partition must fit: recursive repartitioning is not done
                reserved += size;
                buffer.add(batch);
            }
            table = new JoinHashTable(buffer.drain(), buildKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a spilled join partition: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        budget.release(reserved);
        reserved = 0;
        if (buildParts != null) {
            for (int p = 0; p < SPILL_PARTITIONS; p++) {
                buildParts[p].close();
                probeParts[p].close();
            }
        }
        buildInput.close();
    }
}
