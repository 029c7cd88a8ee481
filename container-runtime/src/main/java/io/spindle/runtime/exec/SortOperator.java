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
 * External merge sort. Input is buffered while the task's memory budget allows; past it the
 * buffer is sorted and written to local disk as a run. At the end, without runs the buffer is
 * sorted and emitted in memory; with runs the rest becomes a last run and all runs are merged
 * with a priority queue, reading one block per run at a time.
 */
public final class SortOperator implements Operator {
    private final List<VectorEvaluator> keys;
    private final RowComparator comparator;
    private final Schema schema;
    private final TaskMemoryBudget budget;
    private final Path spillDirectory;
    private final int batchRows;
    private final BatchBuffer buffer;
    private final List<SpillFile> runs = new ArrayList<>();
    private long reserved;
    private boolean finishing;
    private ColumnBatch sorted;
    private int[] order;
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
        this.buffer = new BatchBuffer(schema);
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        long estimate = Vectors.estimateBytes(batch);
        if (!budget.tryReserve(estimate)) {
            if (buffer.rows() > 0) {
                spill();
            }
            budget.reserve(estimate); // one batch must fit, whatever the budget
        }
        reserved += estimate;
        buffer.add(batch);
    }

    int spillCount() {
        return runs.size();
    }

    private void spill() {
        ColumnBatch all = buffer.drain();
        try {
            runs.add(SpillFile.write(spillDirectory, schema, all, sortedOrder(all), batchRows));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot spill sort run to " + spillDirectory + ": " + e.getMessage(), e);
        }
        budget.release(reserved);
        reserved = 0;
    }

    private int[] sortedOrder(ColumnBatch all) {
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = keys.get(k).evaluate(all);
        }
        return comparator.sortedRows(keyVectors, all.rowCount());
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        if (runs.isEmpty()) {
            sorted = buffer.drain();
            order = sortedOrder(sorted);
        } else {
            if (buffer.rows() > 0) {
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
        } else if (emitted < sorted.rowCount()) {
            int count = Math.min(batchRows, sorted.rowCount() - emitted);
            out = ColumnBatch.allocate(schema, count);
            for (int c = 0; c < schema.size(); c++) {
                Vectors.gather(sorted.column(c), order, emitted, count, out.column(c), 0);
            }
            out.setRowCount(count);
            emitted += count;
        } else {
            out = null;
        }
        if (out == null) {
            done = true;
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
    
        private static ColumnVector copy(ColumnVector vector, int rows) {
            ColumnVector copy = ColumnVector.allocate(vector.type(), Math.max(1, rows));
            Vectors.gather(vector, Vectors.identity(rows), 0, rows, copy, 0);
            return copy;
        }
    }
}
