package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Rdd;
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

    /**
     * Rdds of a Dataset are computed on the executors: with spindle.driver.maxResultSize far below
     * the rows (collectAsList fails), rdd() and createDataset(rdd, schema) still carry every row,
     * through a query with a shuffle, and agree with the Dataset's own aggregates and plain Java.
     */
    @Test
    void rowsBeyondTheDriverResultLimitCrossWithoutTheDriver() {
        long n = 120_000;
        Map<Long, Long> expectedSums = new TreeMap<>();
        long expectedTotal = 0;
        for (long i = 0; i < n; i++) {
            expectedSums.merge(i % 97, 3 * i, Long::sum);
            expectedTotal += 3 * i;
        }
        try (Session session = Session.builder().master("local[2]").config("spindle.driver.maxResultSize", "64k")
                .getOrCreate()) {
            Dataset rows = session.range(0, n).select(col("id"), col("id").mod(97).as("k"),
                    col("id").multiply(3).as("v")).repartition(3, col("k"));
            assertThatThrownBy(rows::collectAsList).hasMessageContaining("spindle.driver.maxResultSize");

            Rdd<Row> rdd = rows.rdd();
            assertThat(rdd.getNumPartitions()).isGreaterThan(1);
            assertThat(rdd.count()).isEqualTo(n);
            assertThat(rdd.map(row -> (Long) row.get(2)).reduce(Long::sum)).isEqualTo(expectedTotal);
            Map<Long, Long> rddSums = new TreeMap<>();
            rdd.mapToPair(row -> new Tuple2<>((Long) row.get(1), (Long) row.get(2))).reduceByKey(Long::sum).collect()
                    .forEach(t -> rddSums.put(t._1(), t._2()));
            Map<Long, Long> datasetSums = new TreeMap<>();
            rows.groupBy("k").agg(sum("v").as("s")).collectAsList()
                    .forEach(row -> datasetSums.put((Long) row.get(0), (Long) row.get(1)));
            assertThat(rddSums).isEqualTo(expectedSums).isEqualTo(datasetSums);

            Schema schema = Schema.of(Field.of("id", DataType.LONG), Field.of("k", DataType.LONG),
                    Field.of("v", DataType.LONG));
            Rdd<Row> shuffled = rdd.keyBy(row -> (Long) row.get(0) % 5).groupByKey().rdd()
                    .flatMap(t -> t._2().iterator());
            Dataset back = session.createDataset(shuffled, schema);
            Map<Long, Long> backSums = new TreeMap<>();
            back.groupBy("k").agg(sum("v").as("s"), count("*").as("c")).collectAsList()
                    .forEach(row -> backSums.put((Long) row.get(0), (Long) row.get(1)));
            assertThat(backSums).isEqualTo(expectedSums);
            assertThat(back.count()).isEqualTo(n);
        }
    }
}
