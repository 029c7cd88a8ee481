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
 * The running state of one aggregate over a window (sum, avg, count, min, max) for the rows the
 * {@link WindowOperator} holds: one value per row, in primitive arrays. A row's value is first the
 * aggregate up to that row; when its peer group closes, every row of the group gets the group's
 * last value (Spark's default RANGE frame: the current row and its peers; without an order every
 * row of a partition is a peer, so each gets the whole partition's value). avg keeps a running sum
 * and count per row: of doubles for int, long and double arguments (Spark sums those as double),
 * of unscaled longs for decimals, divided when output (decimal(p,s) gives decimal(p+4, s+4),
 * rounded half up, as the hash aggregate does).
 */
final class WindowSlot {
    final AggregateFunction function;
    final DataType resultType;
    private final boolean floating;
    private final boolean average;
    private final int averageScaleUp; // decimal avg: result scale minus argument scale
    long[] counts; // avg only: non-null rows up to each row
    private long runningCount;
    long[] longs = new long[1024];
    double[] doubles = new double[1024];
    boolean[] has = new boolean[1024];
    private long runningLong;
    private double runningDouble;
    private boolean runningHas;

    WindowSlot(AggregateCall call) {
        this.function = call.function();
        this.resultType = call.dataType();
        this.average = function == AggregateFunction.AVG;
        DataType argumentType = call.argument().dataType();
        this.floating = argumentType.kind() == TypeKind.DOUBLE
                || (average && argumentType.kind() != TypeKind.DECIMAL);
        this.averageScaleUp = average && argumentType instanceof io.spindle.formats.types.DecimalType in
                ? ((io.spindle.formats.types.DecimalType) resultType).scale() - in.scale() : 0;
        this.counts = average ? new long[1024] : null;
    }

    /** Bytes this slot holds per row, for memory accounting. */
    int bytesPerRow() {
        return average ? 25 : 17;
    }

    void ensure(int rows) {
        if (longs.length < rows) {
            int size = Math.max(rows, longs.length * 2);
            longs = java.util.Arrays.copyOf(longs, size);
            doubles = java.util.Arrays.copyOf(doubles, size);
            has = java.util.Arrays.copyOf(has, size);
            if (average) {
                counts = java.util.Arrays.copyOf(counts, size);
            }
        }
    }

    void resetPartition() {
        runningLong = 0;
        runningDouble = 0;
        runningHas = function == AggregateFunction.COUNT || function == AggregateFunction.COUNT_STAR;
        runningCount = 0;
    }

    /** Adds the argument of one row (at {@code row} of {@code argument}) and records the running value at {@code at}. */
    void accumulate(ColumnVector argument, int row, int at) {
        boolean isNull = argument != null && argument.isNull(row);
        switch (function) {
            case COUNT_STAR -> runningLong++;
            case COUNT -> runningLong += isNull ? 0 : 1;
            case SUM, AVG -> {
                if (!isNull) {
                    runningCount++;
                    if (floating) {
                        runningDouble += argument instanceof DoubleVector d ? d.values()[row] : longValue(argument, row);
                    } else {
                        try {
                            runningLong = Math.addExact(runningLong, longValue(argument, row));
                        } catch (ArithmeticException e) {
                            throw EvaluationException.overflow(function.displayName() + " over a window");
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
        if (average) {
            counts[at] = runningCount;
        }
    }

    /** The group [from, to) closed: each row takes the value of the group's last row. */
    void closeGroup(int from, int to) {
        from = Math.max(from, 0); // the group's first rows may have been spilled and dropped
        if (to - from > 1) {
            java.util.Arrays.fill(longs, from, to - 1, longs[to - 1]);
            java.util.Arrays.fill(doubles, from, to - 1, doubles[to - 1]);
            java.util.Arrays.fill(has, from, to - 1, has[to - 1]);
            if (average) {
                java.util.Arrays.fill(counts, from, to - 1, counts[to - 1]);
            }
        }
    }

    /** Drops the first {@code count} rows. */
    void shift(int count, int size) {
        System.arraycopy(longs, count, longs, 0, size - count);
        System.arraycopy(doubles, count, doubles, 0, size - count);
        System.arraycopy(has, count, has, 0, size - count);
        if (average) {
            System.arraycopy(counts, count, counts, 0, size - count);
        }
    }

    ColumnVector output(int from, int to) {
        int rows = to - from;
        ColumnVector out = ColumnVector.allocate(resultType, Math.max(rows, 16));
        for (int i = 0; i < rows; i++) {
            int at = from + i;
            write(out, i, has[at], longs[at], doubles[at], average ? counts[at] : 0);
        }
        return out;
    }

    /** The running value (at a group's close: the group's final value), for rows spilled meanwhile. */
    long[] captureRunning() {
        return new long[] {runningHas ? 1 : 0, runningLong, Double.doubleToRawLongBits(runningDouble), runningCount};
    }

    /** {@code rows} copies of a {@link #capture}d value. */
    ColumnVector constant(long[] captured, int rows) {
        ColumnVector out = ColumnVector.allocate(resultType, Math.max(rows, 16));
        for (int i = 0; i < rows; i++) {
            write(out, i, captured[0] == 1, captured[1], Double.longBitsToDouble(captured[2]), captured[3]);
        }
        return out;
    }

    private void write(ColumnVector out, int i, boolean present, long longValue, double doubleValue, long count) {
        if (!present) {
            out.setNull(i);
        } else if (average) {
            setAverage(out, i, longValue, doubleValue, count);
        } else if (out instanceof DoubleVector d) {
            d.values()[i] = doubleValue;
        } else if (out instanceof LongVector l) {
            l.values()[i] = longValue;
        } else if (out instanceof IntVector n) {
            n.values()[i] = (int) longValue;
        } else {
            ((DecimalVector) out).set(i, longValue < 0 ? -1L : 0L, longValue);
        }
    }

    /** sum / count into {@code out} row {@code i}, as double or as decimal rounded half up. */
    private void setAverage(ColumnVector out, int i, long sum, double doubleSum, long count) {
        if (out instanceof DoubleVector d) {
            d.values()[i] = doubleSum / count;
            return;
        }
        java.math.BigInteger quotient = null;
        long value = 0;
        try {
            long scaled = Math.multiplyExact(sum, POWERS_OF_TEN[averageScaleUp]);
            value = scaled / count;
            long remainder = scaled % count;
            if (Math.abs(remainder) * 2 >= count) { // |remainder| < count, so doubling cannot overflow
                value += scaled < 0 ? -1 : 1;
            }
        } catch (ArithmeticException wide) {
            quotient = new java.math.BigDecimal(java.math.BigInteger.valueOf(sum), 0)
                    .movePointRight(averageScaleUp)
                    .divide(java.math.BigDecimal.valueOf(count), 0, java.math.RoundingMode.HALF_UP).toBigIntegerExact();
        }
        if (out instanceof LongVector l) {
            l.values()[i] = quotient == null ? value : quotient.longValueExact();
        } else if (quotient == null) {
            ((DecimalVector) out).set(i, value < 0 ? -1L : 0L, value);
        } else {
            ((DecimalVector) out).set(i, quotient.shiftRight(64).longValue(), quotient.longValue());
        }
    }

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

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
