package io.spindle.jobs.bench;

import io.spindle.api.Row;
import io.spindle.api.Tuple2;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A short fingerprint of a query's answer, printed on each bench line so that answers of separate
 * processes ({@code bench --cold}) can be compared with the in-JVM run's. Rows count in order;
 * doubles are rounded to 9 significant digits, as the order in which partial sums meet may change
 * their last bits between runs.
 */
final class AnswerFingerprint {

    private AnswerFingerprint() {
    }

    static String of(List<?> rows) {
        StringBuilder text = new StringBuilder();
        for (Object row : rows) {
            append(text, row);
            text.append('\n');
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Row row) {
            for (int i = 0; i < row.size(); i++) {
                append(text, row.get(i));
                text.append('|');
            }
        } else if (value instanceof Tuple2<?, ?> tuple) {
            append(text, tuple._1());
            text.append('|');
            append(text, tuple._2());
        } else if (value instanceof Double number) {
            text.append(String.format(Locale.ROOT, "%.9g", number));
        } else if (value instanceof Float number) {
            text.append(String.format(Locale.ROOT, "%.6g", number));
        } else {
            text.append(value);
        }
    }
}
