package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.WindowFunction;

/**
 * The running state of one aggregate over a window (sum, count, min, max) for the rows the
 * {@link WindowOperator} holds: one value per row, in primitive arrays. A row's value is first the
 * aggregate up to that row; when its peer group closes, every row of the group gets the group's
 * last value (Spark's default RANGE frame: the current row and its peers).
 */
final class WindowSlot {
    final AggregateFunction function;
    final DataType resultType;
    private final boolean floating;
    long[] longs = new long[1024];
    double[] doubles = new double[1024];
    boolean[] has = new boolean[1024];
    private long runningLong;
    private double runningDouble;
    private boolean runningHas;

    WindowSlot(AggregateCall call) {
        this.function = call.function();
        this.resultType = call.dataType();
        this.floating = call.argument().dataType().kind() == TypeKind.DOUBLE;
    }

    void ensure(int rows) {
        if (longs.length < rows) {
            int size = Math.max(rows, longs.length * 2);
            longs = java.util.Arrays.copyOf(longs, size);
            doubles = java.util.Arrays.copyOf(doubles, size);
            has = java.util.Arrays.copyOf(has, size);
        }
    }

    void resetPartition() {
        runningLong = 0;
        runningDouble = 0;
        runningHas = function == AggregateFunction.COUNT || function == AggregateFunction.COUNT_STAR;
    }

    /** Adds the argument of one row (at {@code row} of {@code argument}) and records the running value at {@code at}. */
    void accumulate(ColumnVector argument, int row, int at) {
        boolean isNull = argument != null && argument.isNull(row);
        switch (function) {
            case COUNT_STAR -> runningLong++;
            case COUNT -> runningLong += isNull ? 0 : 1;
            case SUM -> {
                if (!isNull) {
                    if (floating) {
                        runningDouble += ((DoubleVector) argument).values()[row];
                    } else {
                        try {
                            runningLong = Math.addExact(runningLong, longValue(argument, row));
                        } catch (ArithmeticException e) {
                            throw EvaluationException.overflow("sum over a window");
                        }
                    }
                    runningHas = true;
                }
            }
            case MIN, MAX -> {
                if (!isNull) {
                    boolean min = function == AggregateFunction.MIN;
                    if (floating) {
                        double v = ((DoubleVector) argument).values()[row];
                        if (!runningHas || (min ? Double.compare(v, runningDouble) < 0 : Double.compare(v, runningDouble) > 0)) {
                            runningDouble = v;
                        }
                    } else {
                        long v = longValue(argument, row);
                        if (!runningHas || (min ? v < runningLong : v > runningLong)) {
                            runningLong = v;
                        }
                    }
                    runningHas = true;
                }
            }
            default -> throw new IllegalStateException(function + " over a window");
        }
        longs[at] = runningLong;
        doubles[at] = runningDouble;
        has[at] = runningHas;
    }

    /** The group [from, to) closed: each row takes the value of the group's last row. */
    void closeGroup(int from, int to) {
        if (to - from > 1) {
            java.util.Arrays.fill(longs, from, to - 1, longs[to - 1]);
            java.util.Arrays.fill(doubles, from, to - 1, doubles[to - 1]);
            java.util.Arrays.fill(has, from, to - 1, has[to - 1]);
        }
    }

    /** Drops the first {@code count} rows. */
    void shift(int count, int size) {
        System.arraycopy(longs, count, longs, 0, size - count);
        System.arraycopy(doubles, count, doubles, 0, size - count);
        System.arraycopy(has, count, has, 0, size - count);
    }

    ColumnVector output(int from, int to) {
        int rows = to - from;
        ColumnVector out = ColumnVector.allocate(resultType, Math.max(rows, 16));
        for (int i = 0; i < rows; i++) {
            if (!has[from + i]) {
                out.setNull(i);
                continue;
            }
            if (out instanceof DoubleVector d) {
                d.values()[i] = doubles[from + i];
            } else if (out instanceof LongVector l) {
                l.values()[i] = longs[from + i];
            } else if (out instanceof IntVector n) {
                n.values()[i] = (int) longs[from + i];
            } else {
                long value = longs[from + i];
                ((DecimalVector) out).set(i, value < 0 ? -1L : 0L, value);
            }
        }
        return out;
    }

    static long longValue(ColumnVector vector, int row) {
        if (vector instanceof LongVector l) {
            return l.values()[row];
        }
        return ((IntVector) vector).values()[row];
    }

    /** Whether a lag/lead reads {@code BytesVector} rows (copied byte-wise) or primitive ones. */
    static boolean isBytes(ColumnVector vector) {
        return vector instanceof BytesVector;
    }

    static boolean isOffset(WindowFunction function) {
        return function.kind() == WindowFunction.Kind.LAG || function.kind() == WindowFunction.Kind.LEAD;
    }
}
