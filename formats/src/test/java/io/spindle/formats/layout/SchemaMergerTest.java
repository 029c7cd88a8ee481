package io.spindle.formats.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMergerTest {
    @Test
    void widensIntToLongAndDecimalsWithoutLoss() throws Exception {
        Schema merged = SchemaMerger.merge(files(
                "a.parquet", Schema.of(Field.of("id", DataType.INT), Field.of("amount", DataType.decimal(10, 2))),
                "b.parquet", Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.decimal(12, 4)))));

        assertThat(merged).isEqualTo(Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.decimal(12, 4))));
    }

    @Test
    void addedColumnsComeAfterAndAreNullable() throws Exception {
        Schema merged = SchemaMerger.merge(files(
                "a.parquet", Schema.of(new Field("id", DataType.LONG, false), new Field("name", DataType.STRING, false)),
                "b.parquet", Schema.of(new Field("ID", DataType.LONG, false), new Field("city", DataType.STRING, false)),
                "c.parquet", Schema.of(new Field("id", DataType.INT, false), new Field("name", DataType.STRING, false),
                        new Field("city", DataType.STRING, false))));

        assertThat(merged).isEqualTo(Schema.of(new Field("id", DataType.LONG, false),
                new Field("name", DataType.STRING, true), new Field("city", DataType.STRING, true)));
    }

    @Test
    void incompatibleTypesNameTheColumnAndBothFiles() {
        assertThatThrownBy(() -> SchemaMerger.merge(files(
                "hdfs://nn/t/p=1/a.parquet", Schema.of(Field.of("id", DataType.LONG), Field.of("v", DataType.STRING)),
                "hdfs://nn/t/p=2/b.parquet", Schema.of(Field.of("id", DataType.LONG)),
                "hdfs://nn/t/p=3/c.parquet", Schema.of(Field.of("v", DataType.LONG)))))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> {
                    assertThat(e.column()).isEqualTo("v");
                    assertThat(e.firstFile()).isEqualTo("hdfs://nn/t/p=1/a.parquet");
                    assertThat(e.secondFile()).isEqualTo("hdfs://nn/t/p=3/c.parquet");
                })
                .hasMessageStartingWith("Column 'v' is string in hdfs://nn/t/p=1/a.parquet but long in "
                        + "hdfs://nn/t/p=3/c.parquet");
    }

    @Test
    void lossyWideningsAreRefused() {
        assertThat(SchemaMerger.wider(DataType.INT, DataType.DOUBLE)).isEmpty();
        assertThat(SchemaMerger.wider(DataType.DATE, DataType.TIMESTAMP)).isEmpty();
        assertThat(SchemaMerger.wider(DataType.decimal(38, 0), DataType.decimal(38, 10))).isEmpty();
        assertThat(SchemaMerger.wider(DataType.LONG, DataType.INT)).contains(DataType.LONG);
    }

    private static Map<String, Schema> files(Object... pathsAndSchemas) {
        Map<String, Schema> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSchemas.length; i += 2) {
            files.put((String) pathsAndSchemas[i], (Schema) pathsAndSchemas[i + 1]);
        }
        return files;
    }
}
