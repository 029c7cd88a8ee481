package io.spindle.formats.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnBatchTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("b", DataType.BOOLEAN), Field.of("i", DataType.INT), Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE), Field.of("small", DataType.decimal(10, 2)),
            Field.of("wide", DataType.decimal(38, 4)), Field.of("s", DataType.STRING), Field.of("dt", DataType.DATE),
            Field.of("ts", DataType.TIMESTAMP), Field.of("bin", DataType.BINARY));

    @Test
    void builderRoundTripsJavaValuesOfEveryType() {
        List<Object> first = Arrays.asList(true, -7, Long.MIN_VALUE, -0.5, new BigDecimal("-12345678.91"),
                new BigDecimal("-1234567890123456789012345678901234.5678"), "h\u00e9llo \ud83d\ude00",
                LocalDate.of(1583, 1, 1), Instant.parse("1969-12-31T23:59:59.999999Z"), new byte[] {1, 2});
        List<Object> second = Arrays.asList(new Object[SCHEMA.size()]);

        ColumnBatch batch = ColumnBatch.builder(SCHEMA).appendRow(first.toArray()).appendRow(second.toArray()).build();

        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(batch.row(0).subList(0, 9)).isEqualTo(first.subList(0, 9));
        assertThat((byte[]) batch.row(0).get(9)).containsExactly(1, 2);
        assertThat(batch.row(1)).isEqualTo(second);
        assertThat(((LongVector) batch.column("small")).values()[0]).isEqualTo(-1234567891L);
        assertThat(((LongVector) batch.column("ts")).values()[0]).isEqualTo(-1L);
        assertThat(((IntVector) batch.column("dt")).values()[0]).isEqualTo(-141_349);
    }

    @Test
    void vectorsMatchTypesToPhysicalClasses() {
        ColumnBatch batch = ColumnBatch.allocate(SCHEMA, 8);
        assertThat(Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).mapToObj(i -> batch.column(i).getClass()
                .getSimpleName())).containsExactly("BooleanVector", "IntVector", "LongVector", "DoubleVector",
                "LongVector", "DecimalVector", "BytesVector", "IntVector", "LongVector", "BytesVector");
        assertThat(batch.column(0).capacity()).isEqualTo(8);
    }

    @Test
    void builderGrowsPastInitialCapacity() {
        ColumnBatch.Builder builder = ColumnBatch.builder(Schema.of(Field.of("s", DataType.STRING)));
        for (int i = 0; i < 1000; i++) {
            builder.appendRow(i % 3 == 0 ? null : "v" + i);
        }
        ColumnBatch batch = builder.build();

        assertThat(batch.rowCount()).isEqualTo(1000);
        assertThat(batch.row(999)).containsExactly((Object) null);
        assertThat(batch.row(998)).containsExactly("v998");
        assertThat(batch.column(0).noNulls()).isFalse();
    }

    @Test
    void bytesVectorKeepsNullRowsEmptySoOffsetsStayMonotonic() {
        BytesVector vector = new BytesVector(DataType.STRING, 4);
        vector.set(0, new byte[] {'a'});
        vector.setNull(1);
        vector.set(3, new byte[] {'c', 'd'}); // row 2 skipped: empty

        assertThat(Arrays.copyOf(vector.offsets(), 5)).containsExactly(0, 1, 1, 1, 3);
        assertThatThrownBy(() -> vector.set(2, new byte[] {'x'})).isInstanceOf(IllegalStateException.class)
                .hasMessage("BytesVector rows are written in order: row 2 comes after row 3");
        vector.reset();
        assertThat(vector.noNulls()).isTrue();
        assertThat(vector.isNull(1)).isFalse();
    }

    @Test
    void decimalVectorHoldsFull128BitRange() {
        DecimalVector vector = new DecimalVector(DataType.decimal(38, 0), 3);
        BigDecimal max = new BigDecimal("99999999999999999999999999999999999999");
        vector.set(0, max);
        vector.set(1, max.negate());
        vector.setBigEndian(2, new byte[] {(byte) 0xFF, (byte) 0xFE}, 0, 2);

        assertThat(vector.get(0)).isEqualTo(max);
        assertThat(vector.get(1)).isEqualTo(max.negate());
        assertThat(vector.get(2)).isEqualTo(new BigDecimal(-2));
    }

    @Test
    void decimalsAreNeverSilentlyRounded() {
        LongVector vector = new LongVector(DataType.decimal(5, 2), 1);
        assertThatThrownBy(() -> vector.set(0, new BigDecimal("1.234")))
                .hasMessage("Decimal 1.234 does not fit decimal(5,2) without rounding");
        assertThatThrownBy(() -> vector.set(0, new BigDecimal("1234.5")))
                .hasMessage("Decimal 1234.5 has more digits than decimal(5,2) allows");
        vector.set(0, new BigDecimal("-999.9"));
        assertThat(vector.get(0)).isEqualTo(new BigDecimal("-999.90"));
    }

    @Test
    void wrongJavaTypeIsRejectedNamingTheColumnType() {
        IntVector vector = new IntVector(DataType.DATE, 1);
        assertThatThrownBy(() -> vector.set(0, (Object) 5)).hasMessage("Cannot store Integer '5' in a date column");
    }

    @Test
    void timestampsKeepMicrosecondsAcrossTheEpoch() {
        assertThat(Timestamps.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(Timestamps.toMicros(Instant.parse("1969-12-31T23:59:59.9999999Z"))).isEqualTo(-1);
        assertThat(Timestamps.toMicros(Instant.parse("2000-01-01T00:00:00.000001Z"))).isEqualTo(946_684_800_000_001L);
    }
}
