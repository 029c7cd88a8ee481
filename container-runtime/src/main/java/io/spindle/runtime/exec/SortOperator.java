package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * External merge sort. Input is buffered as compact copies while the task's memory budget allows,
 * accounted by what the copies really retain ({@link Vectors#retainedBytes}) plus the sort's own
 * row references; past the budget the buffered rows are sorted and written to local disk as a run.
 * Rows are sorted as references (batch, row) across the buffered batches and gathered straight
 * into output or spill blocks, so a buffered row is copied once, not concatenated first. At the
 * end, without runs the buffer is emitted in memory; with runs the rest becomes a last run and all
 * runs are merged with a priority queue, reading one block per run at a time.
 */
public final class SortOperator implements Operator {
    /** Per buffered row: its reference and the merge sort's scratch slot. */
    private static final long REFERENCE_BYTES = 16;

    private final List<VectorEvaluator> keys;
    private final RowComparator comparator;
    private final Schema schema;
    private final TaskMemoryBudget budget;
    private final Path spillDirectory;
    private final int batchRows;
    private final List<ColumnBatch> batches = new ArrayList<>();
    private final List<ColumnVector[]> batchKeys = new ArrayList<>();
    private int bufferedRows;
    private final List<SpillFile> runs = new ArrayList<>();
    private long reserved;
    private boolean finishing;
    private ReferenceGather sortedSources;
    private long[] sortedReferences;
    private int emitted;
    private RunMerger merger;
    private boolean done;

    public SortOperator(List<VectorEvaluator> keys, boolean[] ascending, boolean[] nullsFirst, Schema schema,
            TaskMemoryBudget budget, Path spillDirectory, int batchRows) {
        this.keys = keys;
        this.comparator = new RowComparator(ascending, nullsFirst);
        this.schema = schema;
        this.budget = budget;
        this.spillDirectory = spillDirectory;
        this.batchRows = batchRows;
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        if (batch.rowCount() == 0) {
            return;
        }
        ColumnBatch copy = Vectors.compactCopy(batch, schema);
        long bytes = Vectors.retainedBytes(copy) + REFERENCE_BYTES * copy.rowCount();
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = keys.get(k).evaluate(copy);
            if (!(keys.get(k) instanceof ColumnEvaluator)) {
                // A computed key lives in an evaluator buffer that the next batch reuses: keep a copy.
                keyVectors[k] = Cursor.copy(keyVectors[k], copy.rowCount());
                bytes += Vectors.retainedBytes(keyVectors[k]);
            }
        }
        if (!budget.tryReserve(bytes)) {
            if (bufferedRows > 0) {
                spill();
            }
            budget.reserve(bytes); // one batch must fit, whatever the budget
        }
        reserved += bytes;
        batches.add(copy);
        batchKeys.add(keyVectors);
        bufferedRows += copy.rowCount();
    }

    int spillCount() {
        return runs.size();
    }

    /** Bytes this sort has reserved for its buffered rows (for tests of the accounting). */
    long reservedBytes() {
        return reserved;
    }

    private void spill() {
        ReferenceGather sources = new ReferenceGather(schema, batches.toArray(new ColumnBatch[0]));
        long[] references = sortedReferences();
        int[] next = {0};
        try {
            runs.add(SpillFile.write(spillDirectory, schema, () -> gather(sources, references, next)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill sort run to " + spillDirectory + ": " + e.getMessage(), e);
        }
        batches.clear();
        batchKeys.clear();
        bufferedRows = 0;
        budget.release(reserved);
        reserved = 0;
    }

    /** References {@code batch << 32 | row} to every buffered row, in sort order. */
    private long[] sortedReferences() {
        long[] references = new long[bufferedRows];
        int at = 0;
        for (int b = 0; b < batches.size(); b++) {
            int rows = batches.get(b).rowCount();
            for (int r = 0; r < rows; r++) {
                references[at++] = (long) b << 32 | r;
            }
        }
        comparator.sortReferences(batchKeys.toArray(new ColumnVector[0][]), references);
        return references;
    }

    /** The next block of up to batchRows referenced rows from {@code next[0]} on, or null past the end. */
    private ColumnBatch gather(ReferenceGather rows, long[] references, int[] next) {
        int from = next[0];
        if (from >= references.length) {
            return null;
        }
        int count = Math.min(batchRows, references.length - from);
        next[0] = from + count;
        return rows.gather(references, from, count);
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        if (runs.isEmpty()) {
            sortedSources = new ReferenceGather(schema, batches.toArray(new ColumnBatch[0]));
            sortedReferences = sortedReferences();
        } else {
            if (bufferedRows > 0) {
                spill();
            }
            merger = new RunMerger(runs, keys, comparator, schema, batchRows);
        }
    }

    @Override
    public ColumnBatch getOutput() {
        if (!finishing || done) {
            return null;
        }
        ColumnBatch out;
        if (merger != null) {
            out = merger.next();
        } else {
            int[] next = {emitted};
            out = gather(sortedSources, sortedReferences, next);
            emitted = next[0];
        }
        if (out == null) {
            done = true;
            sortedSources = null;
            sortedReferences = null;
            batches.clear();
            batchKeys.clear();
        }
        return out;
    }

    @Override
    public boolean isFinished() {
        return done;
    }

    @Override
    public void close() throws IOException {
        budget.release(reserved);
        reserved = 0;
        for (SpillFile run : runs) {
            run.close();
        }
    }

    /** K-way merge of sorted runs: a heap of run cursors ordered by their current rows. */
    static final class RunMerger {
        private final PriorityQueue<Cursor> heap;
        private final Schema schema;
        private final int batchRows;

        RunMerger(List<SpillFile> runs, List<VectorEvaluator> keys, RowComparator comparator, Schema schema,
                int batchRows) {
            this.schema = schema;
            this.batchRows = batchRows;
            this.heap = new PriorityQueue<>(Math.max(1, runs.size()),
                    (a, b) -> comparator.compare(a.keys, a.row, b.keys, b.row));
            for (SpillFile run : runs) {
                Cursor cursor = new Cursor(run, keys);
                if (cursor.advance()) {
                    heap.add(cursor);
                }
            }
        }

        /**
         * The next rows in order: first the (batch, row) picks of a whole output batch, then one
         * typed copy loop per column, instead of a per-row, per-column gather call.
         */
        ColumnBatch next() {
            if (heap.isEmpty()) {
                return null;
            }
            ColumnBatch[] sources = new ColumnBatch[batchRows];
            int[] rows = new int[batchRows];
            int count = 0;
            while (count < batchRows && !heap.isEmpty()) {
                Cursor cursor = heap.poll();
                sources[count] = cursor.batch; // a cursor moves to a fresh batch, so this one stays intact
                rows[count] = cursor.row;
                count++;
                if (cursor.advance()) {
                    heap.add(cursor);
                }
            }
            ColumnBatch out = ColumnBatch.allocate(schema, count);
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gatherFrom(sources, c, rows, count, out.column(c));
            }
            out.setRowCount(count);
            return out;
        }
    }

    /** The current row of one run. */
    static final class Cursor {
        private final SpillFile run;
        private final List<VectorEvaluator> keyEvaluators;
        ColumnBatch batch;
        ColumnVector[] keys;
        int row;

        Cursor(SpillFile run, List<VectorEvaluator> keyEvaluators) {
            this.run = run;
            this.keyEvaluators = keyEvaluators;
        }

        boolean advance() {
            row++;
            if (batch != null && row < batch.rowCount()) {
                return true;
            }
            try {
                batch = run.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (batch == null) {
                return false;
            }
            keys = new ColumnVector[keyEvaluators.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = keyEvaluators.get(k).evaluate(batch);
                if (!(keyEvaluators.get(k) instanceof ColumnEvaluator)) {
                    // A computed key lives in an evaluator buffer that the next run's cursor reuses: copy it.
                    keys[k] = copy(keys[k], batch.rowCount());
                }
            }
            row = 0;
            return true;
        }
    
        static ColumnVector copy(ColumnVector vector, int rows) {
            ColumnVector copy = ColumnVector.allocate(vector.type(), Math.max(1, rows));
            Vectors.gather(vector, Vectors.identity(rows), 0, rows, copy, 0);
            return copy;
        }
    }
}
