package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.TypeKind;

/**
 * Vectorized casts for the widening conversions coercion inserts on hot paths: int to long or
 * double, long to double, and long-backed decimals to a wider decimal with the same or a larger
 * scale. {@link #supports} says which; the compiler sends other casts to the row path.
 */
final class CastEvaluator extends VectorEvaluator {
    private final VectorEvaluator child;
    private final long factor;
    private ColumnVector output;

    private CastEvaluator(VectorEvaluator child, DataType target, long factor) {
        super(target);
        this.child = child;
        this.factor = factor;
    }

    static boolean supports(DataType from, DataType to) {
        if (from.kind() == TypeKind.INT) {
            return to.kind() == TypeKind.LONG || to.kind() == TypeKind.DOUBLE;
        }
        if (from.kind() == TypeKind.LONG) {
            return to.kind() == TypeKind.DOUBLE;
        }
        if (from instanceof DecimalType source && to instanceof DecimalType target) {
            int integralDigitsGained = (target.precision() - target.scale()) - (source.precision() - source.scale());
            return source.fitsInLong() && target.scale() >= source.scale() && target.scale() - source.scale() <= 18
                    && integralDigitsGained >= 0;
        }
        return false;
    }

    static CastEvaluator create(VectorEvaluator child, DataType target) {
        long factor = 1;
        if (target instanceof DecimalType decimal) {
            for (int i = 0; i < decimal.scale() - ((DecimalType) child.type()).scale(); i++) {
                factor *= 10;
            }
        }
        return new CastEvaluator(child, target, factor);
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        ColumnVector input = child.evaluate(batch);
        int rows = batch.rowCount();
        output = reuse(output, type(), rows);
        copyNulls(input, output, rows);
        if (input instanceof IntVector ints) {
            int[] in = ints.values();
            if (output instanceof LongVector longs) {
                long[] out = longs.values();
                for (int i = 0; i < rows; i++) {
                    out[i] = in[i];
                }
            } else {
                double[] out = ((DoubleVector) output).values();
                for (int i = 0; i < rows; i++) {
                    out[i] = in[i];
                }
            }
        } else if (output instanceof DoubleVector doubles) {
            long[] in = ((LongVector) input).values();
            double[] out = doubles.values();
            for (int i = 0; i < rows; i++) {
                out[i] = in[i];
            }
        } else {
            rescale((LongVector) input, rows);
        }
        return output;
    }

    /**
     * Scale up by an exact power of ten. The target has at least as many integral digits, so a
     * value that fit its source type fits the target: no overflow check is needed.
     */
    private void rescale(LongVector input, int rows) {
        long[] in = input.values();
        if (output instanceof LongVector longs) {
            long[] out = longs.values();
            for (int i = 0; i < rows; i++) {
                out[i] = in[i] * factor;
            }
        } else {
            DecimalVector wide = (DecimalVector) output;
            long[] high = wide.high();
            long[] low = wide.low();
            for (int i = 0; i < rows; i++) {
                high[i] = Math.multiplyHigh(in[i], factor);
                low[i] = in[i] * factor;
            }
        }
    }
}
