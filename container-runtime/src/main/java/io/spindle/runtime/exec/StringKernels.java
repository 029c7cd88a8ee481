package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.IntVector;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.StringFunctions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * String functions over the UTF-8 bytes of a {@link BytesVector}, with the semantics of
 * {@link StringFunctions}: ASCII rows are handled byte by byte; a row with multi-byte characters
 * is decoded only where the result depends on characters (case mapping, substring positions).
 * NULL in gives NULL out.
 */
final class StringKernels {
    private StringKernels() {}

    private static boolean ascii(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] data, int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    /** lower, upper, trim (string results) and length (int). */
    static final class Unary extends VectorEvaluator {
        private final BuiltinFunction function;
        private final VectorEvaluator input;
        private byte[] scratch = new byte[64];

        Unary(BuiltinFunction function, VectorEvaluator input) {
            super(function.resultType());
            this.function = function;
            this.input = input;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            byte[] data = in.data();
            int[] offsets = in.offsets();
            if (function == BuiltinFunction.LENGTH) {
                IntVector out = new IntVector(DataType.INT, Math.max(rows, 16));
                int[] values = out.values();
                for (int r = 0; r < rows; r++) {
                    int characters = 0;
                    for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                        characters += (data[i] & 0xC0) != 0x80 ? 1 : 0; // count all but continuation bytes
                    }
                    values[r] = characters;
                }
                copyNulls(in, out, rows);
                return out;
            }
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            for (int r = 0; r < rows; r++) {
                int start = offsets[r];
                int end = offsets[r + 1];
                if (in.isNull(r)) {
                    out.set(r, data, start, 0);
                } else if (function == BuiltinFunction.TRIM) {
                    while (start < end && data[start] == ' ') {
                        start++;
                    }
                    while (end > start && data[end - 1] == ' ') {
                        end--;
                    }
                    out.set(r, data, start, end - start);
                } else if (ascii(data, start, end)) {
                    caseMap(data, start, end, out, r);
                } else {
                    String value = decode(data, start, end);
                    String mapped = function == BuiltinFunction.LOWER ? StringFunctions.lower(value)
                            : StringFunctions.upper(value);
                    out.set(r, mapped.getBytes(StandardCharsets.UTF_8));
                }
            }
            copyNulls(in, out, rows);
            return out;
        }

        private void caseMap(byte[] data, int start, int end, BytesVector out, int row) {
            int length = end - start;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            boolean lower = function == BuiltinFunction.LOWER;
            for (int i = 0; i < length; i++) {
                byte b = data[start + i];
                if (lower && b >= 'A' && b <= 'Z') {
                    b += 32;
                } else if (!lower && b >= 'a' && b <= 'z') {
                    b -= 32;
                }
                scratch[i] = b;
            }
            out.set(row, scratch, 0, length);
        }
    }

    /** substring with literal position and length, 1-based, by characters. */
    static final class Substring extends VectorEvaluator {
        private final VectorEvaluator input;
        private final int position;
        private final int length;

        Substring(VectorEvaluator input, int position, int length) {
            super(DataType.STRING);
            this.input = input;
            this.position = position;
            this.length = length;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            byte[] data = in.data();
            int[] offsets = in.offsets();
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            for (int r = 0; r < rows; r++) {
                int start = offsets[r];
                int end = offsets[r + 1];
                if (in.isNull(r)) {
                    out.set(r, data, start, 0);
                } else if (ascii(data, start, end)) {
                    int characters = end - start;
                    long from = position > 0 ? position - 1L : position < 0 ? characters + (long) position : 0;
                    long to = Math.min(from + length, characters);
                    from = Math.max(from, 0);
                    out.set(r, data, start + (int) Math.min(from, characters), (int) Math.max(0, to - from));
                } else {
                    out.set(r, StringFunctions.substring(decode(data, start, end), position, length)
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            copyNulls(in, out, rows);
            return out;
        }
    }

    /** concat: the arguments' bytes one after the other; NULL if any argument is NULL. */
    static final class Concat extends VectorEvaluator {
        private final List<VectorEvaluator> arguments;

        Concat(List<VectorEvaluator> arguments) {
            super(DataType.STRING);
            this.arguments = arguments;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            int rows = batch.rowCount();
            BytesVector[] in = new BytesVector[arguments.size()];
            for (int a = 0; a < in.length; a++) {
                in[a] = (BytesVector) arguments.get(a).evaluate(batch);
            }
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            boolean[] nulls = out.nulls();
            byte[] row = new byte[64];
            for (int r = 0; r < rows; r++) {
                int total = 0;
                boolean isNull = false;
                for (BytesVector argument : in) {
                    isNull |= argument.isNull(r);
                    total += argument.length(r);
                }
                if (isNull) {
                    nulls[r] = true;
                    out.set(r, row, 0, 0);
                    continue;
                }
                if (row.length < total) {
                    row = new byte[Math.max(total, row.length * 2)];
                }
                int at = 0;
                for (BytesVector argument : in) {
                    int length = argument.length(r);
                    System.arraycopy(argument.data(), argument.offsets()[r], row, at, length);
                    at += length;
                }
                out.set(r, row, 0, total);
            }
            out.updateNoNulls(rows);
            return out;
        }
    }

    /**
     * LIKE with a literal pattern. Patterns made of literal text and {@code %} at either end
     * (exact, prefix, suffix, contains) compare bytes; any other pattern goes through the regex of
     * {@link StringFunctions#like}, one decoded row at a time.
     */
    static final class Like extends VectorEvaluator {
        private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

        private final VectorEvaluator input;
        private final Shape shape;
        private final byte[] text;
        private final String pattern;

        private Like(VectorEvaluator input, Shape shape, byte[] text, String pattern) {
            super(DataType.BOOLEAN);
            this.input = input;
            this.shape = shape;
            this.text = text;
            this.pattern = pattern;
        }

        static Like create(VectorEvaluator input, String pattern) {
            StringFunctions.like("", pattern); // an invalid pattern fails here, as on the row path
            boolean leading = pattern.startsWith("%");
            boolean trailing = pattern.length() > 1 && pattern.endsWith("%");
            String middle = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
            if (middle.contains("%") || middle.contains("_") || middle.contains("\\") || pattern.equals("%")) {
                return new Like(input, pattern.equals("%") ? Shape.PREFIX : Shape.REGEX,
                        new byte[0], pattern);
            }
            Shape shape = leading && trailing ? Shape.CONTAINS : leading ? Shape.SUFFIX : trailing ? Shape.PREFIX
                    : Shape.EXACT;
            return new Like(input, shape, middle.getBytes(StandardCharsets.UTF_8), pattern);
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            byte[] data = in.data();
            int[] offsets = in.offsets();
            BooleanVector out = new BooleanVector(Math.max(rows, 16));
            boolean[] values = out.values();
            for (int r = 0; r < rows; r++) {
                if (!in.isNull(r)) {
                    values[r] = matches(data, offsets[r], offsets[r + 1]);
                }
            }
            copyNulls(in, out, rows);
            return out;
        }

        private boolean matches(byte[] data, int start, int end) {
            int length = end - start;
            switch (shape) {
                case EXACT: return length == text.length && regionEquals(data, start, 0, text.length);
                case PREFIX: return length >= text.length && regionEquals(data, start, 0, text.length);
                case SUFFIX: return length >= text.length && regionEquals(data, end - text.length, 0, text.length);
                case CONTAINS:
                    for (int at = start; at + text.length <= end; at++) {
                        if (regionEquals(data, at, 0, text.length)) {
                            return true;
                        }
                    }
                    return false;
                case REGEX: return StringFunctions.like(decode(data, start, end), pattern);
            }
            throw new AssertionError(shape);
        }

        private boolean regionEquals(byte[] data, int at, int from, int count) {
            for (int i = from; i < count; i++) {
                if (data[at + i] != text[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
