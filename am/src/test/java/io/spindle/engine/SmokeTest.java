package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Dataset operations end to end on local[2]: grouping with NULL keys, sort, top-N, limit, union, write. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmokeTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.STRING), Field.of("v", DataType.LONG));

    @TempDir
    Path temp;

    @Test
    void datasetOperationsGiveWholeResults() {
        try (Session session = Session.builder().master("local[2]").getOrCreate()) {
            Dataset ds = session.createDataset(List.of(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 3L),
                    Row.of(null, 4L)), SCHEMA);
            assertThat(ds.filter(col("v").gt(0)).groupBy("k").agg(sum("v").as("s"), count("*").as("n"))
                    .orderBy(col("k")).collectAsList())
                    .containsExactly(Row.of(null, 4L, 1L), Row.of("a", 4L, 2L), Row.of("b", 2L, 1L));
            assertThat(ds.orderBy(col("k").desc()).collectAsList()) // descending puts NULLs last
                    .containsExactly(Row.of("b", 2L), Row.of("a", 1L), Row.of("a", 3L), Row.of(null, 4L));
            assertThat(session.range(1000).count()).isEqualTo(1000);
            assertThat(session.range(0, 100_000, 1, 4).orderBy(col("id").desc()).limit(3).collectAsList())
                    .containsExactly(Row.of(99_999L), Row.of(99_998L), Row.of(99_997L));
            assertThat(session.range(100_000).limit(5).count()).isEqualTo(5);
            assertThat(ds.union(ds).groupBy("k").count().orderBy("k").collectAsList())
                    .containsExactly(Row.of(null, 2L), Row.of("a", 4L), Row.of("b", 2L));
            assertThat(ds.withColumn("w", col("v").multiply(lit(10))).withColumnRenamed("k", "key").drop("v")
                    .orderBy("w").collectAsList())
                    .containsExactly(Row.of("a", 10L), Row.of("b", 20L), Row.of("a", 30L), Row.of(null, 40L));
        }
    }

    @Test
    void writeParquetCommitsAtomicallyAndReadsBack() {
        try (Session session = Session.builder().master("local[2]").getOrCreate()) {
            String output = temp.resolve("out").toString();
            session.range(0, 10_000, 1, 3).withColumn("half", col("id").divide(lit(2))).write().parquet(output);
            assertThat(temp.resolve("out").resolve("_SUCCESS")).exists();
            assertThat(temp.toFile().list()).containsExactly("out"); // no staging directory left behind
            Dataset back = session.read().parquet(output);
            assertThat(back.schema().names()).containsExactly("id", "half");
            assertThat(back.agg(count("*"), sum("id")).collectAsList()).containsExactly(Row.of(10_000L, 49_995_000L));
        }
    }
}
