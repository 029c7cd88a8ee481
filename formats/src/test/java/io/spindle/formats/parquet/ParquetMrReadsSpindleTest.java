package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import io.spindle.formats.types.DecimalType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parquet's own (record-assembly) reader reads Spindle's files identically. */
class ParquetMrReadsSpindleTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Compression.class)
    void parquetMrReadsEveryType(Compression codec) throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(5000, 99);
        Path file = dir.resolve("spindle.parquet");
        TestTables.write(new ParquetFileFormat(), file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withCompression(codec));

        assertThat(readWithParquetMr(file, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(rows));
    }

    private static List<List<Object>> readWithParquetMr(Path file, Schema schema) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).withConf(TestTables.CONF).build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < schema.size(); i++) {
                    row.add(group.getFieldRepetitionCount(i) == 0 ? null : value(group, i, schema.field(i)));
                }
                rows.add(row);
            }
        }
        return TestTables.normalize(rows);
    }

    private static Object value(Group group, int i, Field field) {
        switch (field.type().kind()) {
            case BOOLEAN: return group.getBoolean(i, 0);
            case INT: return group.getInteger(i, 0);
            case LONG: return group.getLong(i, 0);
            case DOUBLE: return group.getDouble(i, 0);
            case STRING: return group.getString(i, 0);
            case DATE: return LocalDate.ofEpochDay(group.getInteger(i, 0));
            case TIMESTAMP: return Timestamps.toInstant(group.getLong(i, 0));
            case BINARY: return group.getBinary(i, 0).getBytes();
            case DECIMAL:
                DecimalType type = (DecimalType) field.type();
                if (type.precision() <= DecimalType.MAX_INT_PRECISION) {
                    return BigDecimal.valueOf(group.getInteger(i, 0), type.scale());
                }
                if (type.fitsInLong()) {
                    return BigDecimal.valueOf(group.getLong(i, 0), type.scale());
                }
                return new BigDecimal(new BigInteger(group.getBinary(i, 0).getBytes()), type.scale());
        }
        throw new AssertionError(field);
    }
}
