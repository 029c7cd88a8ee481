package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Schema;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.util.List;

/**
 * Hash aggregation. Each input batch: evaluate the keys, map rows to group ids, then let every
 * accumulator fold its column in with one loop. PARTIAL mode folds argument values and outputs
 * keys + states; FINAL mode reads keys and states by position, merges, and outputs keys + results.
 * Memory is accounted against the task budget; {@link SpillingHashAggregation} wraps this operator
 * to spill its states to disk when they outgrow the budget.
 */
public final class HashAggregationOperator implements Operator {
    private static final int OUTPUT_BATCH_ROWS = 4096;

    private final boolean mergeInput;
    private boolean emitStates;
    private final List<VectorEvaluator> keys;
    private final List<VectorEvaluator> arguments;
    private final List<Accumulator> accumulators;
    private final int[] stateWidths;
    private Schema outputSchema;
    private final GroupByHash hash;
    private final TaskMemoryBudget budget;
    private long reservedBytes;
    private boolean finishing;
    private int nextGroup;
    private boolean done;

    /**
     * @param keys key evaluators (FINAL: the first input columns)
     * @param arguments one argument evaluator per accumulator (unused in FINAL mode)
     * @param stateWidths number of state columns of each accumulator
     */
    public HashAggregationOperator(AggregateMode mode, List<VectorEvaluator> keys, List<DataType> keyTypes,
            List<VectorEvaluator> arguments, List<Accumulator> accumulators, int[] stateWidths, Schema outputSchema,
            TaskMemoryBudget budget) {
        this.mergeInput = mode != AggregateMode.PARTIAL;
        this.emitStates = mode == AggregateMode.PARTIAL;
        this.keys = keys;
        this.arguments = arguments;
        this.accumulators = accumulators;
        this.stateWidths = stateWidths;
        this.outputSchema = outputSchema;
        this.hash = GroupByHash.create(keyTypes);
        this.budget = budget;
        accumulators.forEach(accumulator -> accumulator.ensureCapacity(1));
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(ColumnBatch batch) {
        int rows = batch.rowCount();
        ColumnVector[] keyVectors = new ColumnVector[keys.size()];
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k] = keys.get(k).evaluate(batch);
        }
        int[] groupIds = hash.groupIds(keyVectors, rows);
        int groups = hash.groupCount();
        int stateColumn = keys.size();
        for (int a = 0; a < accumulators.size(); a++) {
            Accumulator accumulator = accumulators.get(a);
            accumulator.ensureCapacity(groups);
            if (!mergeInput) {
                accumulator.update(groupIds, rows, arguments.get(a).evaluate(batch));
            } else {
                ColumnVector[] states = new ColumnVector[stateWidths[a]];
                for (int s = 0; s < states.length; s++) {
                    states[s] = batch.column(stateColumn + s);
                }
                accumulator.merge(groupIds, rows, states);
            }
            stateColumn += stateWidths[a];
        }
        account(groups);
    }

    private void account(int groups) {
        long bytes = hash.estimatedBytes();
        for (Accumulator accumulator : accumulators) {
            bytes += (long) accumulator.bytesPerGroup() * groups;
        }
        if (bytes > reservedBytes) {
            budget.reserve(bytes - reservedBytes);
            reservedBytes = bytes;
        }
    }

    @Override
    public ColumnBatch getOutput() {
        if (!finishing || done) {
            return null;
        }
        int groups = hash.groupCount();
        if (nextGroup >= groups) {
            done = true;
            return null;
        }
        int to = Math.min(groups, nextGroup + OUTPUT_BATCH_ROWS);
        ColumnBatch out = ColumnBatch.allocate(outputSchema, to - nextGroup);
        ColumnVector[] keyOut = new ColumnVector[keys.size()];
        for (int k = 0; k < keyOut.length; k++) {
            keyOut[k] = out.column(k);
        }
        hash.writeKeys(nextGroup, to, keyOut);
        int column = keys.size();
        for (int a = 0; a < accumulators.size(); a++) {
            if (emitStates) {
                ColumnVector[] states = new ColumnVector[stateWidths[a]];
                for (int s = 0; s < states.length; s++) {
                    states[s] = out.column(column + s);
                }
                accumulators.get(a).writeStates(nextGroup, to, states);
                column += stateWidths[a];
            } else {
                accumulators.get(a).writeResult(nextGroup, to, out.column(column++));
            }
        }
        out.setRowCount(to - nextGroup);
        nextGroup = to;
        return out;
    }

    @Override
    public void finish() {
        finishing = true;
    }

    /** Finishes, outputting keys and partial states whatever the mode: what a spill writes. */
    void finishWithStates(Schema statesSchema) {
        emitStates = true;
        outputSchema = statesSchema;
        finishing = true;
    }

    int groupCount() {
        return hash.groupCount();
    }

    long reservedBytes() {
        return reservedBytes;
    }

    @Override
    public boolean isFinished() {
        return done;
    }

    @Override
    public void close() {
        budget.release(reservedBytes);
        reservedBytes = 0;
    }
}
