package io.spindle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write that fails after its files are committed and before the metastore update (the test hook
 * {@code spindle.metastore.testing.beforePublish=fail}) leaves the table as it was: same rows,
 * same partitions, and no trace of the write's files under the table's directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TablePublishHookTest {
    private static final Schema SALES = Schema.of(Field.of("id", DataType.LONG), Field.of("dt", DataType.DATE));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @Test
    void aWriteFailingBetweenFileCommitAndMetastoreUpdateLeavesTheTableAsItWas() {
        String table;
        List<String> filesBefore;
        List<Row> rowsBefore;
        try (Session session = TableTestSupport.session("publish-hook")) {
            table = TableTestSupport.newDatabase(session, "hook") + ".sales";
            session.catalog().createTable(session.catalog().newTable(table).column("id", DataType.LONG)
                    .partitionColumn("dt", DataType.DATE).build());
            session.createDataset(List.of(Row.of(1L, DAY), Row.of(2L, DAY)), SALES).write().insertInto(table);
            filesBefore = TableTestSupport.tree(session.hadoopConf(), session.catalog().getTable(table).location());
            rowsBefore = session.table(table).orderBy("id").collectAsList();
        }
        try (Session session = Session.builder().master("local[2]").appName("publish-hook-fail")
                .config("spindle.metastore.testing.beforePublish", "fail").getOrCreate()) {
            assertThatThrownBy(() -> session.createDataset(List.of(Row.of(7L, DAY), Row.of(8L, DAY.plusDays(1))),
                    SALES).write().mode("overwrite").insertInto(table)).hasMessageContaining("failed before publishing");

            assertThat(session.table(table).orderBy("id").collectAsList()).isEqualTo(rowsBefore)
                    .containsExactly(Row.of(1L, DAY), Row.of(2L, DAY));
            assertThat(TableTestSupport.tree(session.hadoopConf(), session.catalog().getTable(table).location()))
                    .isEqualTo(filesBefore);
        }
    }
}
