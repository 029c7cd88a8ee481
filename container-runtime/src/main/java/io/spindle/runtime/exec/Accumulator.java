package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.plan.expr.AggregateFunction;

/**
 * The per-group state of one aggregate call, in flat arrays indexed by group id. {@code update}
 * folds input values in (partial side), {@code merge} folds in partial states read from a shuffle
 * (final side); each is one loop over the batch with no per-row dispatch.
 */
public abstract class Accumulator {

    public abstract void ensureCapacity(int groups);

    /** Folds {@code input} rows [0, rows) into the groups {@code groupIds}. */
    public abstract void update(int[] groupIds, int rows, ColumnVector input);

    /** Folds partial states (one vector per state column) into the groups. */
    public abstract void merge(int[] groupIds, int rows, ColumnVector[] states);

    /** Writes the states of groups [from, to) into rows 0.. of {@code out}. */
    public abstract void writeStates(int from, int to, ColumnVector[] out);

    /** Writes the final values of groups [from, to) into rows 0.. of {@code out}. */
    public abstract void writeResult(int from, int to, ColumnVector out);

    /** Bytes per group, for memory accounting. */
    public abstract int bytesPerGroup();

    public static Accumulator create(AggregateFunction function, DataType input) {
        switch (function) {
            case COUNT_STAR: return new CountAccumulator(true);
            case COUNT: return new CountAccumulator(false);
            case SUM:
                return input instanceof DecimalType decimal
                        ? new SumDecimalAccumulator(decimal, (DecimalType) function.resultType(input), null)
                        : input.kind() == io.spindle.formats.types.TypeKind.DOUBLE ? new SumDoubleAccumulator(false)
                        : new SumLongAccumulator();
            case AVG:
                return input instanceof DecimalType decimal
                        ? new SumDecimalAccumulator(decimal, (DecimalType) function.stateTypes(input).get(0),
                                (DecimalType) function.resultType(input))
                        : new SumDoubleAccumulator(true);
            case MIN: return new MinMaxAccumulator(input, true);
            case MAX: return new MinMaxAccumulator(input, false);
            case FIRST: return new FirstAccumulator();
        }
        throw new AssertionError(function);
    }

    static int grow(int current, int needed) {
        return Math.max(needed, current * 2);
    }
}
