package io.spindle.formats.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static final Schema SCHEMA = Schema.of(
            Field.of("OrderKey", DataType.LONG), Field.of("price", DataType.decimal(10, 2)),
            new Field("comment", DataType.STRING, false), Field.of("ship_date", DataType.DATE));

    @Test
    void printsAsStruct() {
        assertThat(SCHEMA).hasToString("struct<OrderKey:long,price:decimal(10,2),comment:string,ship_date:date>");
        assertThat(SCHEMA.field(2)).hasToString("comment:string not null");
        assertThat(Schema.of()).hasToString("struct<>");
    }

    @Test
    void looksUpNamesIgnoringCase() {
        assertThat(SCHEMA.field("orderkey")).isEqualTo(Field.of("OrderKey", DataType.LONG));
        assertThat(SCHEMA.indexOf("SHIP_DATE")).isEqualTo(3);
        assertThat(SCHEMA.findIndex("nope")).isEmpty();
    }

    @Test
    void unknownNameSuggestsTheClosestField() {
        assertThatThrownBy(() -> SCHEMA.field("shipdate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No column 'shipdate'; did you mean 'ship_date'? Columns: "
                        + "struct<OrderKey:long,price:decimal(10,2),comment:string,ship_date:date>");
        assertThatThrownBy(() -> SCHEMA.field("zzzzzzzzzzzz"))
                .hasMessageStartingWith("No column 'zzzzzzzzzzzz' Columns:");
    }

    @Test
    void selectKeepsRequestedOrder() {
        assertThat(SCHEMA.select("ship_date", "ORDERKEY")).isEqualTo(Schema.of(
                Field.of("ship_date", DataType.DATE), Field.of("OrderKey", DataType.LONG)));
        assertThat(SCHEMA.names()).containsExactly("OrderKey", "price", "comment", "ship_date");
    }

    @Test
    void rejectsNamesThatDifferOnlyInCase() {
        assertThatThrownBy(() -> Schema.of(Field.of("a", DataType.INT), Field.of("A", DataType.LONG)))
                .hasMessage("Duplicate column 'A' (same as 'a' ignoring case) in struct<a:int,A:long>");
    }

    @Test
    void decimalsAreValuesWithLimits() {
        assertThat(DataType.decimal(38, 10)).isEqualTo(DataType.decimal(38, 10)).hasToString("decimal(38,10)");
        assertThat(DataType.decimal(18, 0).fitsInLong()).isTrue();
        assertThat(DataType.decimal(19, 0).fitsInLong()).isFalse();
        assertThatThrownBy(() -> DataType.decimal(39, 0)).hasMessageContaining("precision must be from 1 to 38");
        assertThatThrownBy(() -> DataType.decimal(5, 6)).hasMessageContaining("scale must be from 0 to the precision");
    }

    @Test
    void parsesWhatItPrints() {
        for (DataType type : List.of(DataType.BOOLEAN, DataType.INT, DataType.LONG, DataType.DOUBLE, DataType.STRING,
                DataType.DATE, DataType.TIMESTAMP, DataType.BINARY, DataType.decimal(7, 3))) {
            assertThat(DataType.parse(type.simpleString())).isEqualTo(type);
        }
        assertThat(DataType.parse(" Decimal( 12 , 4 ) ")).isEqualTo(DataType.decimal(12, 4));
        assertThatThrownBy(() -> DataType.parse("varchar")).hasMessageStartingWith("Unknown type 'varchar'");
    }

    @Test
    void serializationKeepsSingletonsAndEquality() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SCHEMA);
        }
        Schema copy = (Schema) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        assertThat(copy).isEqualTo(SCHEMA);
        assertThat(copy.field(0).type()).isSameAs(DataType.LONG);
        assertThat(copy.field("ORDERKEY").name()).isEqualTo("OrderKey");
    }
}
