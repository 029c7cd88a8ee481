package io.spindle.formats.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcConf;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spindle and ORC's own reader and writer agree on every value, in both directions. */
class OrcInteropTest {
    private static final OrcFileFormat FORMAT = new OrcFileFormat();

    @TempDir
    Path dir;

    @Test
    void orcReaderReadsWhatSpindleWrites() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(12_000, 11);
        Path file = dir.resolve("spindle.orc");
        TestTables.write(FORMAT, file, SampleData.batch(SampleData.ALL_TYPES, rows), WriteOptions.defaults());

        OrcTestFiles.assertSameRows(readWithOrc(file), TestTables.normalize(rows));
    }

    /**
     * ORC's own view of a file, converted to Spindle's Java values by hand; set to UTC and the
     * proleptic calendar, as Spark 3 reads ORC, so old timestamps are not shifted to Hive's hybrid calendar.
     */
    private static List<List<Object>> readWithOrc(Path file) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Reader reader = OrcTestFiles.orcReader(file); RecordReader records = reader.rows()) {
            assertThat(reader.getSchema().toString()).isEqualTo("struct<b:boolean,i:int,l:bigint,d:double,"
                    + "dec9:decimal(9,2),dec18:decimal(18,6),dec38:decimal(38,10),s:string,dt:date,ts:timestamp,bin:binary>");
            VectorizedRowBatch batch = reader.getSchema().createRowBatch();
            while (records.nextBatch(batch)) {
                for (int r = 0; r < batch.size; r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < batch.numCols; c++) {
                        row.add(value(batch.cols[c], r, SampleData.ALL_TYPES.field(c).type()));
                    }
                    rows.add(row);
                }
            }
        }
        return TestTables.normalize(rows);
    }

    private static Object value(ColumnVector vector, int row, DataType type) {
        int r = vector.isRepeating ? 0 : row;
        if (!vector.noNulls && vector.isNull[r]) {
            return null;
        }
        switch (type.kind()) {
            case BOOLEAN: return ((LongColumnVector) vector).vector[r] != 0;
            case INT: return (int) ((LongColumnVector) vector).vector[r];
            case LONG: return ((LongColumnVector) vector).vector[r];
            case DATE: return LocalDate.ofEpochDay(((LongColumnVector) vector).vector[r]);
            case DOUBLE: return ((DoubleColumnVector) vector).vector[r];
            case DECIMAL:
                return ((DecimalColumnVector) vector).vector[r].getHiveDecimal().bigDecimalValue()
                        .setScale(((io.spindle.formats.types.DecimalType) type).scale());
            case STRING: return ((BytesColumnVector) vector).toString(r);
            case BINARY:
                BytesColumnVector bytes = (BytesColumnVector) vector;
                return Arrays.copyOfRange(bytes.vector[r], bytes.start[r], bytes.start[r] + bytes.length[r]);
            case TIMESTAMP:
                TimestampColumnVector timestamps = (TimestampColumnVector) vector;
                return Timestamps.toInstant(OrcVectorCopier.micros(timestamps.time[r], timestamps.nanos[r]));
        }
        throw new AssertionError(type);
    }

    @Test
    void spindleReadsWhatOrcWritesWithManyStripesAndEveryOrcType() throws Exception {
        Path file = dir.resolve("orc-writer.orc");
        TypeDescription schema = TypeDescription.fromString("struct<t:tinyint,sm:smallint,f:float,c:char(4),"
                + "v:varchar(10),dict:string,ts:timestamp,tsi:timestamp with local time zone,dec:decimal(20,3),"
                + "d:date>");
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(TestTables.CONF);
        OrcConf.STRIPE_ROW_COUNT.setLong(conf, 3000);
        List<List<Object>> expected = new ArrayList<>();
        try (Writer writer = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
                OrcFile.writerOptions(conf).setSchema(schema).useUTCTimestamp(true))) {
            VectorizedRowBatch batch = schema.createRowBatch(1000);
            for (int start = 0; start < 20_000; start += 1000) {
                for (int r = 0; r < 1000; r++) {
                    expected.add(fillOrcRow(batch, r, start + r));
                }
                batch.size = 1000;
                writer.addRowBatch(batch);
            }
        }
        try (Reader reader = OrcTestFiles.orcReader(file)) {
            assertThat(reader.getStripes().size()).isGreaterThan(5);
        }
        Schema required = FORMAT.readSchema(TestTables.CONF, new org.apache.hadoop.fs.Path(file.toUri()));

        assertThat(required.toString()).isEqualTo("struct<t:int,sm:int,f:double,c:string,v:string,dict:string,"
                + "ts:timestamp,tsi:timestamp,dec:decimal(20,3),d:date>");
        OrcTestFiles.assertSameRows(TestTables.scan(FORMAT, file, required, Optional.empty(), 50_000).rows(), expected);
    }

    private static List<Object> fillOrcRow(VectorizedRowBatch batch, int r, int i) {
        boolean isNull = i % 11 == 0;
        for (ColumnVector vector : batch.cols) {
            vector.isNull[r] = isNull;
            vector.noNulls = vector.noNulls && !isNull;
        }
        if (isNull) {
            return Arrays.asList(new Object[10]);
        }
        ((LongColumnVector) batch.cols[0]).vector[r] = (byte) i;
        ((LongColumnVector) batch.cols[1]).vector[r] = (short) (i * 7);
        ((DoubleColumnVector) batch.cols[2]).vector[r] = (float) (i / 8.0);
        ((BytesColumnVector) batch.cols[3]).setVal(r, "ab  ".getBytes(StandardCharsets.UTF_8));
        ((BytesColumnVector) batch.cols[4]).setVal(r, ("v" + i % 1000).getBytes(StandardCharsets.UTF_8));
        ((BytesColumnVector) batch.cols[5]).setVal(r, ("color-" + i % 5).getBytes(StandardCharsets.UTF_8));
        long micros = 1_600_000_000_000_000L + i * 1_234_567L;
        for (int c : new int[] {6, 7}) {
            TimestampColumnVector timestamps = (TimestampColumnVector) batch.cols[c];
            timestamps.time[r] = Math.floorDiv(micros, 1000L);
            timestamps.nanos[r] = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        }
        BigDecimal decimal = BigDecimal.valueOf(i * 1_000_003L - 7_000_000_000L, 3);
        ((DecimalColumnVector) batch.cols[8]).vector[r].set(HiveDecimal.create(decimal));
        ((LongColumnVector) batch.cols[9]).vector[r] = 18_000 + i;
        Instant instant = Timestamps.toInstant(micros);
        // ORC's reader strips the padding of char(n), as Hive compares chars without it.
        return Arrays.asList((int) (byte) i, (int) (short) (i * 7), (double) (float) (i / 8.0), "ab", "v" + i % 1000,
                "color-" + i % 5, instant, instant, decimal, LocalDate.ofEpochDay(18_000 + i));
    }
}
