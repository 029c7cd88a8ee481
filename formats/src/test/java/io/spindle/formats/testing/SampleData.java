package io.spindle.formats.testing;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic rows of every Spindle type, with nulls and edge values. */
public final class SampleData {
    public static final Schema ALL_TYPES = Schema.of(
            Field.of("b", DataType.BOOLEAN),
            Field.of("i", DataType.INT),
            Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE),
            Field.of("dec9", DataType.decimal(9, 2)),
            Field.of("dec18", DataType.decimal(18, 6)),
            Field.of("dec38", DataType.decimal(38, 10)),
            Field.of("s", DataType.STRING),
            Field.of("dt", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP),
            Field.of("bin", DataType.BINARY));

    private SampleData() {}

    /** {@code rows} rows of {@link #ALL_TYPES}; every seventh value of each column is null. */
    public static List<List<Object>> allTypesRows(int rows, long seed) {
        Random random = new Random(seed);
        List<List<Object>> result = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Object> row = new ArrayList<>();
            row.add(random.nextBoolean());
            row.add(r % 5 == 0 ? edgeInt(r) : random.nextInt());
            row.add(random.nextLong());
            row.add(r == 3 ? Double.NaN : r == 4 ? -0.0 : random.nextGaussian() * 1e6);
            row.add(BigDecimal.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L, 2).remainder(BigDecimal.valueOf(10_000_000)));
            row.add(BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000_000L, 6));
            row.add(new BigDecimal(new BigInteger(125, random).subtract(BigInteger.ONE.shiftLeft(124)), 10));
            row.add(r % 3 == 0 ? "dup-" + (r % 10) : "text " + r + " \u00e9\u4e2d\ud83d\ude00");
            row.add(LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000));
            row.add(Instant.ofEpochSecond(random.nextInt() * 10L, random.nextInt(1_000_000) * 1000L));
            row.add(("bin" + r).getBytes(StandardCharsets.UTF_8));
            for (int c = 0; c < row.size(); c++) {
                if ((r + c) % 7 == 0) {
                    row.set(c, null);
                }
            }
            result.add(row);
        }
        return result;
    }

    public static ColumnBatch batch(Schema schema, List<List<Object>> rows) {
        return ColumnBatch.builder(schema).appendRows(rows).build();
    }

    private static int edgeInt(int r) {
        return switch (r % 3) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            default -> 0;
        };
    }
}
