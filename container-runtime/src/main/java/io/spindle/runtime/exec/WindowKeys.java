package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DecimalVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;

/** Null-safe equality of two rows of vectors of one type (NULL equals NULL: they form one group). */
final class WindowKeys {
    private WindowKeys() {}

    static boolean same(ColumnVector a, int ra, ColumnVector b, int rb) {
        boolean aNull = a.isNull(ra);
        boolean bNull = b.isNull(rb);
        if (aNull || bNull) {
            return aNull == bNull;
        }
        if (a instanceof LongVector x) {
            return x.values()[ra] == ((LongVector) b).values()[rb];
        }
        if (a instanceof IntVector x) {
            return x.values()[ra] == ((IntVector) b).values()[rb];
        }
        if (a instanceof DoubleVector x) {
            double u = x.values()[ra];
            double v = ((DoubleVector) b).values()[rb];
            return u == v || (Double.isNaN(u) && Double.isNaN(v));
        }
        if (a instanceof BooleanVector x) {
            return x.values()[ra] == ((BooleanVector) b).values()[rb];
        }
        if (a instanceof BytesVector x) {
            BytesVector y = (BytesVector) b;
            return java.util.Arrays.equals(x.data(), x.offsets()[ra], x.offsets()[ra + 1], y.data(),
                    y.offsets()[rb], y.offsets()[rb + 1]);
        }
        DecimalVector x = (DecimalVector) a;
        DecimalVector y = (DecimalVector) b;
        return x.high()[ra] == y.high()[rb] && x.low()[ra] == y.low()[rb];
    }
}
