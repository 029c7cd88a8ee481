package io.spindle.metastore.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.StorageFormat;
import io.spindle.metastore.TableName;
import java.util.Map;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HiveTypesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "boolean; boolean", "tinyint; int", "smallint; int", "int; int", "INT; int", "bigint; long",
        "float; double", "double; double", "decimal(10,2); decimal(10,2)", "decimal; decimal(10,0)",
        "decimal(38, 18); decimal(38,18)", "string; string", "varchar(20); string", "char(3); string",
        "date; date", "timestamp; timestamp", "binary; binary"})
    void supportedTypesMapToSpindle(String hive, String spindle) {
        assertThat(HiveTypes.toSpindle(hive, "column 'c'").simpleString()).isEqualTo(spindle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"map<string,int>", "array<string>", "struct<a:int>", "uniontype<int,string>",
        "interval_day_time", "timestamp with local time zone", "decimal(39,0)", "void"})
    void unsupportedTypesFailNamingTheColumnAndType(String hive) {
        assertThatThrownBy(() -> HiveTypes.toSpindle(hive, "column 'tags' of db.t"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("column 'tags' of db.t")
                .hasMessageContaining("'" + hive + "'")
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.UNSUPPORTED_TYPE));
    }

    @Test
    void spindleTypesRoundTripThroughHive() {
        for (DataType type : new DataType[] {DataType.BOOLEAN, DataType.INT, DataType.LONG, DataType.DOUBLE,
                DataType.decimal(12, 3), DataType.STRING, DataType.DATE, DataType.TIMESTAMP, DataType.BINARY}) {
            assertThat(HiveTypes.toSpindle(HiveTypes.toHive(type), "c")).isEqualTo(type);
        }
    }

    @Test
    void formatsAreDetectedFromSerdeAndInputFormat() {
        Schema two = Schema.of(Field.of("a", DataType.INT), Field.of("b", DataType.STRING));
        Schema line = Schema.of(Field.of("value", DataType.STRING));
        TableName name = TableName.of("db", "t");
        assertThat(HiveStorage.detect(sd(HiveStorage.PARQUET_SERDE, HiveStorage.PARQUET_INPUT), two, name))
                .isEqualTo(StorageFormat.PARQUET);
        assertThat(HiveStorage.detect(sd(HiveStorage.ORC_SERDE, HiveStorage.ORC_INPUT), two, name))
                .isEqualTo(StorageFormat.ORC);
        assertThat(HiveStorage.detect(sd(HiveStorage.LAZY_SIMPLE_SERDE, HiveStorage.TEXT_INPUT), two, name))
                .isEqualTo(StorageFormat.CSV);
        assertThat(HiveStorage.detect(sd(HiveStorage.LAZY_SIMPLE_SERDE, HiveStorage.TEXT_INPUT), line, name))
                .isEqualTo(StorageFormat.TEXT);
        assertThat(HiveStorage.detect(sd(HiveStorage.OPEN_CSV_SERDE, HiveStorage.TEXT_INPUT), two, name))
                .isEqualTo(StorageFormat.CSV);
        assertThat(HiveStorage.detect(sd(HiveStorage.JSON_SERDE, HiveStorage.TEXT_INPUT), two, name))
                .isEqualTo(StorageFormat.JSON);
        assertThatThrownBy(() -> HiveStorage.detect(sd("org.apache.hadoop.hive.serde2.avro.AvroSerDe",
                "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat"), two, name))
                .hasMessageContaining("AvroSerDe").hasMessageContaining("db.t");
    }

    @Test
    void descriptorsCarryTheClassNamesHiveExpects() {
        StorageDescriptor parquet = HiveStorage.descriptor(StorageFormat.PARQUET, Map.of());
        assertThat(parquet.getSerdeInfo().getSerializationLib())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(parquet.getInputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(parquet.getOutputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        StorageDescriptor orc = HiveStorage.descriptor(StorageFormat.ORC, Map.of());
        assertThat(orc.getSerdeInfo().getSerializationLib()).isEqualTo("org.apache.hadoop.hive.ql.io.orc.OrcSerde");
        assertThat(orc.getInputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat");
        assertThat(HiveStorage.descriptor(StorageFormat.CSV, Map.of()).getSerdeInfo().getParameters())
                .containsEntry("field.delim", ",");
    }

    private static StorageDescriptor sd(String serde, String input) {
        StorageDescriptor sd = new StorageDescriptor();
        SerDeInfo info = new SerDeInfo();
        info.setSerializationLib(serde);
        sd.setSerdeInfo(info);
        sd.setInputFormat(input);
        return sd;
    }
}
