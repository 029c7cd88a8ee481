package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.ErrorCode;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.StringFunctions;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * {@code regexp_extract(s, regex, group)} and {@code split(s, regex).getItem(i)} with literal regex,
 * group and index, with the semantics of {@link StringFunctions}. The regex is compiled once per
 * expression and one {@link Matcher} is reset onto each row; an ASCII row is matched through a
 * {@link CharSequence} view of its bytes and its result copied as bytes, so no String is made.
 * A split on one plain ASCII character scans the bytes without a regex. Rows with multi-byte
 * characters are decoded (regex positions count characters). An invalid regex or group is an
 * error on the first non-NULL row, as row by row.
 */
final class RegexKernels {
    private RegexKernels() {}

    private static boolean ascii(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII byte range seen as characters, re-pointed at each row. */
    static final class AsciiView implements CharSequence {
        private byte[] data;
        private int start;
        private int length;

        AsciiView of(byte[] bytes, int from, int to) {
            this.data = bytes;
            this.start = from;
            this.length = to - from;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) data[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(data, start + from, to - from, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(data, start, length, StandardCharsets.US_ASCII);
        }
    }

    static final class RegexpExtract extends VectorEvaluator {
        private final VectorEvaluator input;
        private final String regex;
        private final int group;
        private final AsciiView view = new AsciiView();
        private Matcher matcher;

        RegexpExtract(VectorEvaluator input, String regex, int group) {
            super(DataType.STRING);
            this.input = input;
            this.regex = regex;
            this.group = group;
        }

        /** Compiled on the first non-NULL row, so an invalid regex fails where the row path fails. */
        private Matcher matcher() {
            if (matcher == null) {
                Matcher compiled = StringFunctions.regex(regex).matcher("");
                if (group < 0 || group > compiled.groupCount()) {
                    throw new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "regexp_extract: the regex '"
                            + regex + "' has " + compiled.groupCount() + " groups, but group " + group
                            + " was requested");
                }
                matcher = compiled;
            }
            return matcher;
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            byte[] data = in.data();
            int[] offsets = in.offsets();
            for (int r = 0; r < rows; r++) {
                if (in.isNull(r)) {
                    out.setNull(r);
                    continue;
                }
                int start = offsets[r];
                int end = offsets[r + 1];
                Matcher m = matcher();
                if (ascii(data, start, end)) {
                    m.reset(view.of(data, start, end));
                    int from = m.find() ? m.start(group) : -1;
                    out.set(r, data, start + Math.max(from, 0), from < 0 ? 0 : m.end(group) - from);
                } else {
                    String value = in.getString(r);
                    m.reset(value);
                    String found = m.find() ? m.group(group) : null;
                    out.set(r, found == null ? new byte[0] : found.getBytes(StandardCharsets.UTF_8));
                }
            }
            out.updateNoNulls(rows);
            return out;
        }
    }

    /** {@code split(s, regex)[index]}: NULL for an index past the pieces (or negative). */
    static final class SplitItem extends VectorEvaluator {
        private final VectorEvaluator input;
        private final String regex;
        private final int index;
        private final int separator;
        private final AsciiView view = new AsciiView();
        private Matcher matcher;

        SplitItem(VectorEvaluator input, String regex, int index) {
            super(DataType.STRING);
            this.input = input;
            this.regex = regex;
            this.index = index;
            this.separator = GenerateOperator.plainSeparator(regex);
        }

        @Override
        public ColumnVector evaluate(ColumnBatch batch) {
            BytesVector in = (BytesVector) input.evaluate(batch);
            int rows = batch.rowCount();
            BytesVector out = new BytesVector(DataType.STRING, Math.max(rows, 16));
            byte[] data = in.data();
            int[] offsets = in.offsets();
            long[] piece = new long[1];
            for (int r = 0; r < rows; r++) {
                if (in.isNull(r)) {
                    out.setNull(r);
                    continue;
                }
                int start = offsets[r];
                int end = offsets[r + 1];
                boolean found;
                if (index < 0) {
                    found = false;
                } else if (start == end) {
                    found = index == 0; // split("", x) is [""]
                    piece[0] = 0;
                } else if (separator >= 0) {
                    found = bySeparator(data, start, end, piece);
                } else if (ascii(data, start, end)) {
                    found = byRegex(view.of(data, start, end), piece);
                } else {
                    String[] pieces = StringFunctions.split(in.getString(r), regex);
                    if (index < pieces.length) {
                        out.set(r, pieces[index].getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.setNull(r);
                    }
                    continue;
                }
                if (found) {
                    int from = (int) (piece[0] >>> 32);
                    int to = (int) piece[0];
                    out.set(r, data, start + from, to - from);
                } else {
                    out.setNull(r);
                }
            }
            out.updateNoNulls(rows);
            return out;
        }

        /** The index-th piece between separator bytes, as (from << 32 | to) relative to start. */
        private boolean bySeparator(byte[] data, int start, int end, long[] piece) {
            int count = 0;
            int pieceStart = start;
            for (int i = start; i <= end; i++) {
                if (i == end || data[i] == separator) {
                    if (count == index) {
                        piece[0] = ((long) (pieceStart - start) << 32) | (i - start);
                        return true;
                    }
                    count++;
                    pieceStart = i + 1;
                }
            }
            return false;
        }

        /** As {@code Pattern.split(text, -1)} with a negative limit, stopping at the index-th piece. */
        private boolean byRegex(CharSequence text, long[] piece) {
            if (matcher == null) {
                matcher = StringFunctions.regex(regex).matcher(""); // on the first row that needs it, as row by row
            }
            Matcher m = matcher.reset(text);
            int count = 0;
            int from = 0;
            while (m.find()) {
                if (from == 0 && m.start() == 0 && m.end() == 0) {
                    continue; // a zero-width match at the beginning makes no empty leading piece
                }
                if (count == index) {
                    piece[0] = ((long) from << 32) | m.start();
                    return true;
                }
                count++;
                from = m.end();
            }
            if (count == index) {
                piece[0] = ((long) from << 32) | text.length();
                return true;
            }
            return false;
        }
    }
}
