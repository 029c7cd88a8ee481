package io.spindle.metastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableNameTest {
    @Test
    void unqualifiedNamesTakeTheCurrentDatabase() {
        assertThat(TableName.parse("Events", "sales")).isEqualTo(TableName.of("sales", "events"));
    }

    @Test
    void qualifiedNamesKeepTheirDatabaseAndFoldCase() {
        assertThat(TableName.parse("Sales.Events", "default")).isEqualTo(TableName.of("sales", "events"));
    }

    @Test
    void backQuotedPartsMayHoldDotsSpacesAndBackQuotes() {
        TableName name = TableName.parse("`my db`.`a.b``c`", "default");
        assertThat(name.database()).isEqualTo("my db");
        assertThat(name.table()).isEqualTo("a.b`c");
        assertThat(name.toString()).isEqualTo("`my db`.`a.b``c`");
        assertThat(TableName.parse(name.toString())).isEqualTo(name);
    }

    @Test
    void malformedNamesFailWithTheReason() {
        assertThatThrownBy(() -> TableName.parse("a.b.c", "default"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("3 parts");
        assertThatThrownBy(() -> TableName.parse("db.", "default")).hasMessageContaining("empty name part");
        assertThatThrownBy(() -> TableName.parse("`db.t", "default")).hasMessageContaining("unclosed back-quote");
        assertThatThrownBy(() -> TableName.parse("my table", "default")).hasMessageContaining("back-quotes");
        assertThatThrownBy(() -> TableName.parse(" ", "default"))
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.INVALID_NAME));
    }

    @Test
    void suggestionsAreTheClosestNamesOnly() {
        assertThat(NameSuggestions.closest("evnets", java.util.List.of("events", "event_log", "users")))
                .containsExactly("events");
        assertThat(NameSuggestions.didYouMean("zzzzzz", java.util.List.of("events"))).isEmpty();
    }
}
