package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.EvaluationException;
import java.time.LocalDate;

/**
 * Date functions on dates as days since 1970-01-01 (int vectors), in integer arithmetic: the
 * civil-from-days conversion of the proleptic Gregorian calendar, no LocalDate per row.
 */
final class DateKernels {
    private DateKernels() {}

    /** year, month or dayofmonth. */
    static final class Field extends VectorEvaluator {
        private final BuiltinFunction function;
        private final VectorEvaluator input;

        Field(BuiltinFunction function, VectorEvaluator input) {
            super(DataType.INT);
            this.function = function;
            this.input = input;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            IntVector in = (IntVector) input.evaluate(batch);
            int rows = batch.rowCount();
            IntVector out = new IntVector(DataType.INT, Math.max(rows, 16));
            int[] days = in.values();
            int[] values = out.values();
            for (int r = 0; r < rows; r++) {
                // Howard Hinnant's civil_from_days: eras of 400 years, years starting in March.
                long z = days[r] + 719468L;
                long era = Math.floorDiv(z, 146097);
                long dayOfEra = z - era * 146097;
                long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
                long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
                long monthIndex = (5 * dayOfYear + 2) / 153;
                long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
                long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
                long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
                values[r] = (int) (function == BuiltinFunction.YEAR ? year
                        : function == BuiltinFunction.MONTH ? month : day);
            }
            copyNulls(in, out, rows);
            return out;
        }
    }

    /** date_add / date_sub: days added to a date; a result outside the date range is an error. */
    static final class AddDays extends VectorEvaluator {
        private final VectorEvaluator date;
        private final VectorEvaluator days;
        private final boolean subtract;

        AddDays(VectorEvaluator date, VectorEvaluator days, boolean subtract) {
            super(DataType.DATE);
            this.date = date;
            this.days = days;
            this.subtract = subtract;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            IntVector dates = (IntVector) date.evaluate(batch);
            IntVector offsets = (IntVector) days.evaluate(batch);
            int rows = batch.rowCount();
            IntVector out = new IntVector(DataType.DATE, Math.max(rows, 16));
            boolean anyNull = unionNulls(dates, offsets, out, rows);
            boolean[] nulls = out.nulls();
            int[] d = dates.values();
            int[] n = offsets.values();
            int[] values = out.values();
            for (int r = 0; r < rows; r++) {
                if (anyNull && nulls[r]) {
                    continue;
                }
                long result = subtract ? (long) d[r] - n[r] : (long) d[r] + n[r];
                if (result != (int) result) {
                    throw EvaluationException.overflow("date " + LocalDate.ofEpochDay(d[r]) + (subtract ? " - " : " + ")
                            + n[r] + " days");
                }
                values[r] = (int) result;
            }
            return out;
        }
    }

    /** datediff(end, start): end - start in days. */
    static final class DateDiff extends VectorEvaluator {
        private final VectorEvaluator end;
        private final VectorEvaluator start;

        DateDiff(VectorEvaluator end, VectorEvaluator start) {
            super(DataType.INT);
            this.end = end;
            this.start = start;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            IntVector ends = (IntVector) end.evaluate(batch);
            IntVector starts = (IntVector) start.evaluate(batch);
            int rows = batch.rowCount();
            IntVector out = new IntVector(DataType.INT, Math.max(rows, 16));
            boolean anyNull = unionNulls(ends, starts, out, rows);
            boolean[] nulls = out.nulls();
            int[] e = ends.values();
            int[] s = starts.values();
            int[] values = out.values();
            for (int r = 0; r < rows; r++) {
                if (!anyNull || !nulls[r]) {
                    values[r] = Math.subtractExact(e[r], s[r]);
                }
            }
            return out;
        }
    }
}
