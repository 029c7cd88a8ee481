package io.spindle.runtime.exec;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.Explode;
import io.spindle.plan.expr.Split;
import io.spindle.plan.expr.StringFunctions;
import java.nio.charset.StandardCharsets;

/**
 * {@code explode(split(s, regex))} over column batches: for each input batch, the pieces of every
 * row go into one string vector, with the index of the row each came from; the input columns are
 * then gathered by those indices. A separator that is one plain ASCII character (the usual
 * {@code ","}, {@code "\\|"}) is found by scanning the UTF-8 bytes, with no decoding; any other
 * regex splits the decoded string.
 */
final class GenerateOperator extends StreamingOperator {
    private static final String REGEX_METACHARACTERS = ".$|()[]{}^?*+\\";

    private final VectorEvaluator strings;
    private final String regex;
    private final int separator;
    private final boolean outer;
    private final Schema schema;
    private int[] sourceRows = new int[1024];

    GenerateOperator(Explode explode, Schema schema) {
        Split split = (Split) explode.array();
        this.strings = EvaluatorCompiler.compile(split.string());
        this.regex = split.regex();
        this.separator = plainSeparator(regex);
        this.outer = explode.outer();
        this.schema = schema;
    }

    /** The byte a regex matches exactly when it is one literal ASCII character, else -1. */
    static int plainSeparator(String regex) {
        if (regex.length() == 1 && regex.charAt(0) < 0x80 && REGEX_METACHARACTERS.indexOf(regex.charAt(0)) < 0) {
            return regex.charAt(0);
        }
        if (regex.length() == 2 && regex.charAt(0) == '\\' && REGEX_METACHARACTERS.indexOf(regex.charAt(1)) >= 0) {
            return regex.charAt(1);
        }
        return -1;
    }

    @Override
    protected ColumnBatch process(ColumnBatch batch) {
        BytesVector input = (BytesVector) strings.evaluate(batch);
        int rows = batch.rowCount();
        BytesVector pieces = new BytesVector(DataType.STRING, Math.max(16, rows * 2));
        int count = 0;
        byte[] data = input.data();
        int[] offsets = input.offsets();
        for (int r = 0; r < rows; r++) {
            if (input.isNull(r)) {
                if (outer) {
                    count = ensure(pieces, count);
                    sourceRows[count] = r;
                    pieces.setNull(count++);
                }
                continue;
            }
            if (separator >= 0) {
                int start = offsets[r];
                int end = offsets[r + 1];
                int pieceStart = start;
                for (int i = start; i <= end; i++) {
                    if (i == end || data[i] == separator) {
                        count = ensure(pieces, count);
                        sourceRows[count] = r;
                        pieces.set(count++, data, pieceStart, i - pieceStart);
                        pieceStart = i + 1;
                    }
                }
            } else {
                for (String piece : StringFunctions.split(input.getString(r), regex)) {
                    count = ensure(pieces, count);
                    sourceRows[count] = r;
                    pieces.set(count++, piece.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (count == 0) {
            return null;
        }
        pieces.updateNoNulls(count);
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length - 1; c++) {
            columns[c] = ColumnVector.allocate(schema.field(c).type(), count);
            Vectors.gather(batch.column(c), sourceRows, 0, count, columns[c], 0);
        }
        columns[columns.length - 1] = pieces;
        return new ColumnBatch(schema, columns, count);
    }

    /** Room for one more piece at {@code count}; returns count. */
    private int ensure(BytesVector pieces, int count) {
        if (count == sourceRows.length) {
            sourceRows = java.util.Arrays.copyOf(sourceRows, count * 2);
        }
        if (count == pieces.capacity()) {
            pieces.ensureCapacity(count * 2);
        }
        return count;
    }
}
