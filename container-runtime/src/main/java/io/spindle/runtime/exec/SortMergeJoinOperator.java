package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.JoinType;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A sort-merge join of one task's partition: the left side (this pipeline's input) and the right
 * side (its own pipeline) each go through the external {@link SortOperator} by their keys
 * (ascending, NULLs first; both spill past the task budget), then the sorted streams are merged.
 * Each run of right rows with one key is copied into a {@link SpillableRowBuffer}, charged to the
 * task budget and spilled to local disk past it, so one hot key cannot exhaust memory; every left
 * row with that key is paired with the run one chunk at a time (gathered as a batch, the residual
 * evaluated on it), so output batches stay bounded too. For right and full joins, which run rows
 * matched is one bit per row. Rows with a NULL key never match. Types: inner, left, right, full
 * outer, left semi, left anti.
 */
final class SortMergeJoinOperator implements Operator {
    private final JoinType type;
    private final SortOperator leftSort;
    private final SortOperator rightSort;
    private final Pipeline rightInput;
    private final List<VectorEvaluator> leftKeys;
    private final List<VectorEvaluator> rightKeys;
    private final VectorEvaluator residual;
    private final Schema joinedSchema;
    private final Schema outputSchema;
    private final int batchRows;
    private final RowComparator comparator;
    private final boolean rightColumnsOut;

    private final Cursor left = new Cursor();
    private final Cursor right = new Cursor();
    private final MergeJoinRows output;
    private final SpillableRowBuffer run;
    private final TaskMemoryBudget budget;
    private ColumnVector[] groupKeys; // non-null while a run is open
    private long[] runMatched = new long[0]; // right and full joins: a bit per run row
    private long matchedReserved;
    private boolean pairing; // the current left row is being paired with the run, chunk by chunk
    private boolean leftMatched;
    private boolean draining; // the run's unmatched rows are going out, chunk by chunk
    private int chunkBase; // run row of the current chunk's first row
    private ColumnBatch out;
    private boolean inputDone;
    private boolean finished;

    /** A position in a sorted stream; the batch is valid until the cursor moves past it. */
    private static final class Cursor {
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;
        boolean done;
    }

    SortMergeJoinOperator(JoinType type, List<VectorEvaluator> leftKeys, List<VectorEvaluator> rightKeys,
            List<VectorEvaluator> leftSortKeys, List<VectorEvaluator> rightSortKeys, VectorEvaluator residual,
            Schema leftSchema, Schema rightSchema, Schema joinedSchema, Schema outputSchema, Pipeline rightInput,
            TaskMemoryBudget budget, Path spillDirectory, int batchRows) {
        this.type = type;
        boolean[] ascending = new boolean[leftKeys.size()];
        Arrays.fill(ascending, true);
        this.comparator = new RowComparator(ascending, ascending.clone());
        this.leftSort = new SortOperator(leftSortKeys, ascending, ascending.clone(), leftSchema, budget, spillDirectory,
                batchRows);
        this.rightSort = new SortOperator(rightSortKeys, ascending, ascending.clone(), rightSchema, budget,
                spillDirectory, batchRows);
        this.rightInput = rightInput;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
        this.joinedSchema = joinedSchema;
        this.outputSchema = outputSchema;
        this.batchRows = batchRows;
        this.rightColumnsOut = type != JoinType.LEFT_SEMI && type != JoinType.LEFT_ANTI;
        this.budget = budget;
        this.output = new MergeJoinRows(leftSchema.size(), rightSchema.size());
        this.run = new SpillableRowBuffer(rightSchema, budget, spillDirectory, batchRows,
                "the sort-merge join's run of equal right keys");
    }

    int spillCount() {
        return leftSort.spillCount() + rightSort.spillCount();
    }

    @Override
    public boolean needsInput() {
        return !inputDone;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        leftSort.addInput(batch);
    }

    @Override
    public void finish() {
        if (inputDone) {
            return;
        }
        inputDone = true;
        leftSort.finish();
        for (ColumnBatch batch = rightInput.next(); batch != null; batch = rightInput.next()) {
            rightSort.addInput(batch);
        }
        rightSort.finish();
        SortMergeJoinMetrics.spilled(spillCount());
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public ColumnBatch getOutput() {
        if (!inputDone || finished) {
            return null;
        }
        out = ColumnBatch.allocate(outputSchema, batchRows);
        while (out.rowCount() < batchRows && !finished) {
            step();
        }
        return out.rowCount() > 0 ? out : null;
    }

    /** One move of the merge. */
    private void step() {
        load(left, leftSort, leftKeys);
        load(right, rightSort, rightKeys);
        if (groupKeys != null) {
            if (pairing) {
                pairNextChunk();
            } else if (draining) {
                drainNextChunk();
            } else if (!left.done && !hasNullKey(left) && comparator.compare(left.keys, left.row, groupKeys, 0) == 0) {
                run.rewind();
                chunkBase = 0;
                leftMatched = false;
                pairing = true;
            } else if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
                run.rewind(); // the left side moved past the run's key: its unmatched rows go out
                chunkBase = 0;
                draining = true;
            } else {
                endGroup();
            }
            return;
        }
        if (left.done && right.done) {
            finished = true;
            return;
        }
        if (left.done || (!right.done && hasNullKey(right))) {
            unmatchedRight(right.batch, right.row);
            right.row++;
            return;
        }
        if (right.done || hasNullKey(left)) {
            unmatchedLeft(left.batch, left.row);
            left.row++;
            return;
        }
        int order = comparator.compare(left.keys, left.row, right.keys, right.row);
        if (order < 0) {
            unmatchedLeft(left.batch, left.row);
            left.row++;
        } else if (order > 0) {
            unmatchedRight(right.batch, right.row);
            right.row++;
        } else {
            collectGroup();
        }
    }

    private void load(Cursor cursor, SortOperator sort, List<VectorEvaluator> keys) {
        while (!cursor.done && (cursor.batch == null || cursor.row >= cursor.batch.rowCount())) {
            ColumnBatch next = sort.getOutput();
            if (next == null) {
                cursor.done = sort.isFinished();
                if (!cursor.done) {
                    throw new IllegalStateException("The sort of a finished join input produced no output");
                }
                cursor.batch = null;
                return;
            }
            cursor.batch = next;
            cursor.row = 0;
            cursor.keys = new ColumnVector[keys.size()];
            for (int k = 0; k < keys.size(); k++) {
                cursor.keys[k] = keys.get(k).evaluate(next);
            }
        }
    }

    private static boolean hasNullKey(Cursor cursor) {
        for (ColumnVector key : cursor.keys) {
            if (key.isNull(cursor.row)) {
                return true;
            }
        }
        return false;
    }

    /** Copies the right rows with the current right key (they may span batches) into the run. */
    private void collectGroup() {
        groupKeys = new ColumnVector[right.keys.length];
        for (int k = 0; k < groupKeys.length; k++) {
            groupKeys[k] = ColumnVector.allocate(right.keys[k].type(), 1);
            Vectors.gather(right.keys[k], new int[] {right.row}, 0, 1, groupKeys[k], 0);
        }
        while (!right.done && comparator.compare(right.keys, right.row, groupKeys, 0) == 0) {
            int end = right.row;
            while (end < right.batch.rowCount() && comparator.compare(right.keys, end, groupKeys, 0) == 0) {
                end++;
            }
            int[] rows = new int[end - right.row];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = right.row + i;
            }
            run.append(right.batch, rows, 0, rows.length);
            right.row = end;
            load(right, rightSort, rightKeys);
        }
        if (run.spilledChunks() > 0) {
            SortMergeJoinMetrics.runSpilled(run.spilledChunks());
        }
        if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
            int words = (run.rowCount() + 63) >>> 6;
            budget.reserve(8L * words); // a bit per row: small next to the rows, which may spill
            matchedReserved = 8L * words;
            runMatched = new long[words];
        }
    }

    /** Pairs the current left row with the run's next chunk; after the last, emits by join type. */
    private void pairNextChunk() {
        boolean semiOrAnti = type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
        ColumnBatch chunk = semiOrAnti && leftMatched ? null : run.next();
        if (chunk == null) {
            switch (type) {
                case LEFT_SEMI -> {
                    if (leftMatched) {
                        output.appendLeft(out, left.batch, left.row, false);
                    }
                }
                case LEFT_ANTI -> {
                    if (!leftMatched) {
                        output.appendLeft(out, left.batch, left.row, false);
                    }
                }
                case LEFT_OUTER, FULL_OUTER -> {
                    if (!leftMatched) {
                        output.appendLeft(out, left.batch, left.row, true);
                    }
                }
                default -> { }
            }
            pairing = false;
            left.row++;
            return;
        }
        int size = chunk.rowCount();
        int[] rows = new int[size];
        int matched = 0;
        if (residual == null) {
            for (int r = 0; r < size; r++) {
                rows[r] = r;
            }
            matched = size;
        } else {
            ColumnVector truth = residual.evaluate(output.pairs(left.batch, left.row, chunk, joinedSchema, size));
            boolean[] values = ((BooleanVector) truth).values();
            for (int r = 0; r < size; r++) {
                if (values[r] && !truth.isNull(r)) {
                    rows[matched++] = r;
                }
            }
        }
        leftMatched |= matched > 0;
        if (!semiOrAnti) {
            output.appendPairs(out, left.batch, left.row, chunk, rows, matched);
            if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
                for (int i = 0; i < matched; i++) {
                    int bit = chunkBase + rows[i];
                    runMatched[bit >>> 6] |= 1L << bit;
                }
            }
        }
        chunkBase += size;
    }

    /** Emits the unmatched rows of the run's next chunk (right and full joins); after the last, ends the run. */
    private void drainNextChunk() {
        ColumnBatch chunk = run.next();
        if (chunk == null) {
            draining = false;
            endGroup();
            return;
        }
        for (int r = 0; r < chunk.rowCount(); r++) {
            int bit = chunkBase + r;
            if ((runMatched[bit >>> 6] & (1L << bit)) == 0) {
                output.appendRight(out, chunk, r);
            }
        }
        chunkBase += chunk.rowCount();
    }

    private void unmatchedLeft(ColumnBatch batch, int row) {
        if (type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER) {
            output.appendLeft(out, batch, row, true);
        } else if (type == JoinType.LEFT_ANTI) {
            output.appendLeft(out, batch, row, false);
        }
    }

    private void unmatchedRight(ColumnBatch batch, int row) {
        if (rightColumnsOut && (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER)) {
            output.appendRight(out, batch, row);
        }
    }

    /** The run is done with: its rows and bits are dropped and their memory released. */
    private void endGroup() {
        run.clear();
        budget.release(matchedReserved);
        matchedReserved = 0;
        runMatched = new long[0];
        groupKeys = null;
    }

    @Override
    public void close() throws Exception {
        try {
            run.close();
            leftSort.close();
            rightSort.close();
        } finally {
            rightInput.close();
        }
    }
}
