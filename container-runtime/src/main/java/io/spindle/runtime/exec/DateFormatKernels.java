package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.DateFunctions;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code to_date(s, pattern)} and {@code date_format(ts, pattern)} with a literal pattern, with the
 * semantics of {@link DateFunctions}. The pattern is compiled once per expression; a fixed-width
 * numeric pattern ({@link DateLayout}: yyyy-MM-dd and the like) is parsed and written as bytes
 * straight from and into the vectors. Other patterns, and text the layout does not fit, go
 * through the one {@link DateTimeFormatter}, which also raises the errors. An invalid pattern is
 * an error on the first non-NULL row, as row by row.
 */
final class DateFormatKernels {
    private DateFormatKernels() {}

    /** Java's {@code String.trim()} on UTF-8 bytes: every byte up to ' ' is trimmed. */
    private static boolean blank(byte b) {
        return b >= 0 && b <= ' ';
    }

    static final class ToDate extends VectorEvaluator {
        private final VectorEvaluator input;
        private final String pattern;
        private final DateLayout layout;
        private DateTimeFormatter parser;

        ToDate(VectorEvaluator input, String pattern) {
            super(DataType.DATE);
            this.input = input;
            this.pattern = pattern;
            this.layout = DateLayout.compile(pattern);
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            IntVector out = new IntVector(DataType.DATE, Math.max(rows, 16));
            boolean anyNull = copyNulls(in, out, rows);
            byte[] data = in.data();
            int[] offsets = in.offsets();
            int[] values = out.values();
            for (int r = 0; r < rows; r++) {
                if (anyNull && in.isNull(r)) {
                    continue;
                }
                int start = offsets[r];
                int end = offsets[r + 1];
                while (start < end && blank(data[start])) {
                    start++;
                }
                while (end > start && blank(data[end - 1])) {
                    end--;
                }
                int days = layout != null && end - start == layout.length() ? layout.parseDays(data, start)
                        : Integer.MIN_VALUE;
                values[r] = days != Integer.MIN_VALUE ? days : parse(in.getString(r));
            }
            return out;
        }

        private int parse(String text) {
            if (parser == null) {
                parser = DateFunctions.parserFor(pattern);
            }
            try {
                return (int) LocalDate.from(parser.parse(text.trim())).toEpochDay();
            } catch (DateTimeException e) {
                throw DateFunctions.cannotParse(text, pattern);
            }
        }
    }

    static final class DateFormat extends VectorEvaluator {
        private final VectorEvaluator input;
        private final String pattern;
        private final DateLayout layout;
        private final byte[] scratch;
        private DateTimeFormatter formatter;

        DateFormat(VectorEvaluator input, String pattern) {
            super(DataType.STRING);
            this.input = input;
            this.pattern = pattern;
            this.layout = DateLayout.compile(pattern);
            this.scratch = new byte[layout == null ? 0 : layout.length()];
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            LongVector in = (LongVector) input.evaluate(batch);
            int rows = batch.rowCount();
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            if (layout != null) {
                out.ensureDataCapacity(rows * layout.length());
            }
            long[] micros = in.values();
            for (int r = 0; r < rows; r++) {
                if (in.isNull(r)) {
                    out.setNull(r);
                    continue;
                }
                long value = micros[r];
                long days = Math.floorDiv(value, Timestamps.MICROS_PER_DAY);
                int secondOfDay = (int) (Math.floorMod(value, Timestamps.MICROS_PER_DAY) / Timestamps.MICROS_PER_SECOND);
                if (layout != null && days == (int) days && layout.format((int) days, secondOfDay, scratch)) {
                    out.set(r, scratch, 0, scratch.length);
                } else {
                    out.set(r, format(value).getBytes(StandardCharsets.UTF_8));
                }
            }
            out.updateNoNulls(rows);
            return out;
        }

        private String format(long micros) {
            if (formatter == null) {
                formatter = DateFunctions.formatterFor(pattern);
            }
            long seconds = Math.floorDiv(micros, Timestamps.MICROS_PER_SECOND);
            int nanos = (int) (Math.floorMod(micros, Timestamps.MICROS_PER_SECOND) * 1000);
            return DateFunctions.format(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC), formatter, pattern);
        }
    }
}
