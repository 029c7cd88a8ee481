package io.spindle.files;

import io.spindle.api.Row;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Rows of every Spindle type with nulls, and a comparable form of rows for assertions. */
final class AllTypes {
    static final Schema SCHEMA = Schema.of(
            Field.of("id", DataType.LONG),
            Field.of("b", DataType.BOOLEAN),
            Field.of("i", DataType.INT),
            Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE),
            Field.of("dec", DataType.decimal(18, 4)),
            Field.of("s", DataType.STRING),
            Field.of("dt", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("bin", DataType.BINARY));

    private AllTypes() {}

    /** {@code count} rows; id is never null, every other column is null in every fifth row (shifted per column). */
    static List<Row> rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Object[] values = {
                (long) r,
                random.nextBoolean(),
                r == 1 ? Integer.MIN_VALUE : random.nextInt(),
                r == 2 ? Long.MAX_VALUE : random.nextLong(),
                r == 3 ? -0.5 : random.nextInt(1_000_000) / 8.0,
                BigDecimal.valueOf(random.nextLong(-99_999_999_999_999L, 99_999_999_999_999L), 4),
                r % 4 == 0 ? "quote \" comma , and \u00e9\u4e2d" : "text " + r,
                LocalDate.ofEpochDay(random.nextInt(-30_000, 30_000)),
                Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 4_000_000_000L), random.nextInt(1_000_000) * 1000L),
                ("bin" + r).getBytes(StandardCharsets.UTF_8),
            };
            for (int c = 1; c < values.length; c++) {
                if ((r + c) % 5 == 0) {
                    values[c] = null;
                }
            }
            rows.add(Row.of(values));
        }
        return rows;
    }

    /** Rows as lists sorted by their text, with byte arrays as hex so that equals compares content. */
    static List<List<Object>> comparable(List<Row> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(row.toList());
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) instanceof byte[] bytes) {
                    values.set(c, HexFormat.of().formatHex(bytes));
                }
            }
            result.add(Arrays.asList(values.toArray()));
        }
        result.sort(Comparator.comparing(Object::toString));
        return result;
    }
}
