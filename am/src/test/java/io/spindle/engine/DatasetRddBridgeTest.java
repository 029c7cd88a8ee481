package io.spindle.engine;

import static io.spindle.api.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.api.Tuple2;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code Dataset.rdd()} and {@code session.createDataset(rdd, schema)} carry rows both ways
 * unchanged, against the same computation in plain Java: a query's rows reduced with Rdd
 * operators, and Rdd output queried as a Dataset.
 */
class DatasetRddBridgeTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.STRING), Field.of("v", DataType.LONG));

    @Test
    void rowsCrossBetweenDatasetsAndRdds() {
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            rows.add(Row.of(i % 13 == 0 ? null : "k" + (i % 37), i));
        }
        Map<String, Long> expected = new TreeMap<>();
        for (Row row : rows) {
            long v = (Long) row.get(1);
            if (v % 2 == 0 && row.get(0) != null) {
                expected.merge((String) row.get(0), v, Long::sum);
            }
        }
        try (Session session = Session.builder().master("local[2]").getOrCreate()) {
            Dataset even = session.createDataset(rows, SCHEMA).filter(col("v").mod(2).equalTo(0));
            List<Tuple2<String, Long>> sums = even.rdd().filter(row -> row.get(0) != null)
                    .mapToPair(row -> new Tuple2<>((String) row.get(0), (Long) row.get(1)))
                    .reduceByKey(Long::sum).collect();
            Map<String, Long> actual = new TreeMap<>();
            sums.forEach(t -> actual.put(t._1(), t._2()));
            assertThat(actual).isEqualTo(expected);

            List<Row> back = session.createDataset(even.rdd(), SCHEMA).orderBy(col("v")).collectAsList();
            List<Row> evenRows = rows.stream().filter(row -> (Long) row.get(1) % 2 == 0).toList();
            assertThat(back).isEqualTo(evenRows);
            assertThat(even.orderBy(col("v")).rdd().collect()).isEqualTo(evenRows);
        }
    }
}
