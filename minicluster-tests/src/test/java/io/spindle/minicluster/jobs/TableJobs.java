package io.spindle.minicluster.jobs;

import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Table-writing jobs the cluster tests submit; the table is resolved through the cluster's metastore. */
public final class TableJobs {
    public static final Schema SALES = Schema.of(Field.of("id", DataType.LONG), Field.of("amount", DataType.LONG),
            Field.of("dt", DataType.DATE));

    private TableJobs() {
    }

    /** The amount of sale {@code id}: what a test compares the table with. */
    public static long amount(long id) {
        return id * 13 % 97;
    }

    /**
     * {@code WriteDay <db.table> <yyyy-mm-dd> <first id> <rows>}: overwrites one day's partition,
     * taking the partition value from the data's dt column (a dynamic partition overwrite).
     */
    public static final class WriteDay {
        public static void main(String[] args) {
            String table = args[0];
            LocalDate day = LocalDate.parse(args[1]);
            long firstId = Long.parseLong(args[2]);
            int rows = Integer.parseInt(args[3]);
            try (Session session = Session.builder().getOrCreate()) {
                List<Row> data = new ArrayList<>();
                for (long id = firstId; id < firstId + rows; id++) {
                    data.add(Row.of(id, amount(id), day));
                }
                session.createDataset(data, SALES).write().mode("overwrite").insertInto(table);
            }
        }
    }
}
