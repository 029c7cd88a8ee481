package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.DoubleVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.Literal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code value IN (literals)} for int, date, long, timestamp, double and string values: the
 * literals become a sorted primitive array (binary search) or UTF-8 byte arrays. A row is true on
 * a match; otherwise NULL if the value is NULL or the list holds NULL; otherwise false.
 */
final class InEvaluator extends VectorEvaluator {
    private final VectorEvaluator value;
    private final long[] longs;
    private final double[] doubles;
    private final byte[][] strings;
    private final boolean listHasNull;

    static boolean supports(In in) {
        TypeKind kind = in.value().dataType().kind();
        boolean typed = kind == TypeKind.INT || kind == TypeKind.DATE || kind == TypeKind.LONG
                || kind == TypeKind.TIMESTAMP || kind == TypeKind.DOUBLE || kind == TypeKind.STRING;
        return typed && in.list().stream().allMatch(element -> element instanceof Literal);
    }

    InEvaluator(VectorEvaluator value, List<Expression> list) {
        super(DataType.BOOLEAN);
        this.value = value;
        TypeKind kind = value.type().kind();
        boolean nulls = false;
        long[] longValues = new long[list.size()];
        double[] doubleValues = new double[list.size()];
        byte[][] stringValues = new byte[list.size()][];
        int count = 0;
        for (Expression element : list) {
            Object literal = ((Literal) element).value();
            if (literal == null) {
                nulls = true;
                continue;
            }
            // One evaluation of the literal to its vector form, as a batch would hold it.
            ColumnVector single = ColumnVector.allocate(value.type(), 1);
            single.set(0, literal);
            switch (kind) {
                case INT, DATE -> longValues[count] = ((IntVector) single).values()[0];
                case LONG, TIMESTAMP -> longValues[count] = ((LongVector) single).values()[0];
                case DOUBLE -> doubleValues[count] = ((DoubleVector) single).values()[0];
                default -> stringValues[count] = ((BytesVector) single).getBytes(0);
            }
            count++;
        }
        this.listHasNull = nulls;
        this.longs = Arrays.copyOf(longValues, count);
        Arrays.sort(this.longs);
        this.doubles = Arrays.copyOf(doubleValues, count);
        Arrays.sort(this.doubles);
        this.strings = Arrays.copyOf(stringValues, count);
    }

    @Override
    public ColumnVector evaluate(ColumnBatch batch) {
        ColumnVector in = value.evaluate(batch);
        int rows = batch.rowCount();
        BooleanVector out = new BooleanVector(Math.max(rows, 16));
        boolean[] result = out.values();
        if (in instanceof IntVector ints) {
            int[] values = ints.values();
            for (int r = 0; r < rows; r++) {
                result[r] = Arrays.binarySearch(longs, values[r]) >= 0;
            }
        } else if (in instanceof LongVector longVector) {
            long[] values = longVector.values();
            for (int r = 0; r < rows; r++) {
                result[r] = Arrays.binarySearch(longs, values[r]) >= 0;
            }
        } else if (in instanceof DoubleVector doubleVector) {
            double[] values = doubleVector.values();
            for (int r = 0; r < rows; r++) {
                result[r] = contains(values[r]);
            }
        } else {
            BytesVector bytes = (BytesVector) in;
            for (int r = 0; r < rows; r++) {
                result[r] = contains(bytes.data(), bytes.offsets()[r], bytes.offsets()[r + 1]);
            }
        }
        boolean[] nulls = out.nulls();
        boolean[] inNulls = in.nulls();
        for (int r = 0; r < rows; r++) {
            boolean isNull = inNulls[r] || (!result[r] && listHasNull);
            nulls[r] = isNull;
            result[r] &= !isNull;
        }
        out.updateNoNulls(rows);
        return out;
    }

    /** SQL equality of doubles: -0.0 equals 0.0, NaN equals NaN (as Spark compares). */
    private boolean contains(double v) {
        for (double element : doubles) {
            if (element == v || (Double.isNaN(element) && Double.isNaN(v))) {
                return true;
            }
        }
        return false;
    }

    private boolean contains(byte[] data, int start, int end) {
        for (byte[] element : strings) {
            if (element.length == end - start && Arrays.equals(element, 0, element.length, data, start, end)) {
                return true;
            }
        }
        return false;
    }
}
