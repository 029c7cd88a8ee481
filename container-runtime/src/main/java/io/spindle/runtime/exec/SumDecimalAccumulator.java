package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DecimalType;
import io.spindle.plan.expr.Casts;
import io.spindle.plan.expr.EvaluationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * sum or avg of decimal(p,s): unscaled values are added as 128-bit integers (high and low longs
 * with carry) — exact, without BigDecimal per row. The sum keeps scale s; a sum beyond its type's
 * precision (at most 38 digits) is an overflow error. avg divides at the end, rounding half up to
 * scale s+4. States: [sum] for sum, [sum, count] for avg.
 */
final class SumDecimalAccumulator extends Accumulator {
    private final DecimalType sumType;
    private final DecimalType averageType;
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] counts = new long[16];

    /** @param averageType the avg result type, or null for sum */
    SumDecimalAccumulator(DecimalType inputType, DecimalType sumType, DecimalType averageType) {
        this.sumType = sumType;
        this.averageType = averageType;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (high.length < groups) {
            int size = grow(high.length, groups);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    @Override
    public void update(int[] groupIds, int rows, ColumnVector input) {
        add(groupIds, rows, input, null);
    }

    private void add(int[] groupIds, int rows, ColumnVector input, long[] partialCounts) {
        boolean[] nulls = input.nulls();
        boolean noNulls = input.noNulls();
        if (input instanceof LongVector longs) {
            long[] values = longs.values();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    int g = groupIds[r];
                    long value = values[r];
                    long sum = low[g] + value;
                    // carry out of the low word (unsigned), plus the sign extension of value
                    high[g] += (value >> 63) + (Long.compareUnsigned(sum, low[g]) < 0 ? 1 : 0);
                    low[g] = sum;
                    counts[g] += partialCounts == null ? 1 : partialCounts[r];
                }
            }
        } else {
            DecimalVector wide = (DecimalVector) input;
            long[] hi = wide.high();
            long[] lo = wide.low();
            for (int r = 0; r < rows; r++) {
                if (noNulls || !nulls[r]) {
                    int g = groupIds[r];
                    long sum = low[g] + lo[r];
                    high[g] += hi[r] + (Long.compareUnsigned(sum, low[g]) < 0 ? 1 : 0);
                    low[g] = sum;
                    counts[g] += partialCounts == null ? 1 : partialCounts[r];
                }
            }
        }
    }

    @Override
    public void merge(int[] groupIds, int rows, ColumnVector[] states) {
        long[] partialCounts = averageType != null ? ((LongVector) states[1]).values() : null;
        add(groupIds, rows, states[0], partialCounts);
    }

    @Override
    public void writeStates(int from, int to, ColumnVector[] out) {
        writeSums(from, to, out[0]);
        if (averageType != null) {
            out[1].ensureCapacity(to - from);
            System.arraycopy(counts, from, ((LongVector) out[1]).values(), 0, to - from);
        }
    }

    private void writeSums(int from, int to, ColumnVector out) {
        out.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            int row = group - from;
            if (counts[group] == 0) {
                out.setNull(row);
                continue;
            }
            checkPrecision(group);
            if (out instanceof LongVector longs) {
                longs.values()[row] = low[group];
            } else {
                ((DecimalVector) out).set(row, high[group], low[group]);
            }
        }
    }

    private void checkPrecision(int group) {
        boolean fitsLong = high[group] == low[group] >> 63;
        if (fitsLong && (sumType.precision() > 18 || Math.abs(low[group]) < BigInteger.TEN.pow(sumType.precision())
                .longValueExact())) {
            return;
        }
        if (unscaled(group).abs().compareTo(BigInteger.TEN.pow(sumType.precision())) >= 0) {
            throw EvaluationException.overflow("sum as " + sumType.simpleString());
        }
    }

    private BigInteger unscaled(int group) {
        BigInteger lowPart = BigInteger.valueOf(low[group]);
        if (low[group] < 0) {
            lowPart = lowPart.add(BigInteger.ONE.shiftLeft(64));
        }
        return BigInteger.valueOf(high[group]).shiftLeft(64).add(lowPart);
    }

    @Override
    public void writeResult(int from, int to, ColumnVector out) {
        if (averageType == null) {
            writeSums(from, to, out);
            return;
        }
        out.ensureCapacity(to - from);
        for (int group = from; group < to; group++) {
            if (counts[group] == 0) {
                out.setNull(group - from);
                continue;
            }
            BigDecimal average = new BigDecimal(unscaled(group), sumType.scale())
                    .divide(BigDecimal.valueOf(counts[group]), averageType.scale(), RoundingMode.HALF_UP);
            out.set(group - from, Casts.fit(average, averageType));
        }
    }

    @Override
    public int bytesPerGroup() {
        return 24;
    }
}
