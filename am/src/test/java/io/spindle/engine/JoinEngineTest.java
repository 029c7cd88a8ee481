package io.spindle.engine;

import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.AnalysisException;
import io.spindle.plan.physical.JoinPlanner;
import io.spindle.runtime.exec.JoinSpillMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Joins end to end on local[2], every join type under both strategies, against a nested-loop
 * reference computed here: NULL keys never match, duplicates multiply, empty sides, USING columns.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JoinEngineTest {
    private static final Schema LEFT = Schema.of(Field.of("k", DataType.LONG), Field.of("v", DataType.STRING));
    private static final Schema RIGHT = Schema.of(Field.of("k", DataType.LONG), Field.of("w", DataType.LONG));
    private static final List<Row> LEFT_ROWS = List.of(Row.of(1L, "a"), Row.of(1L, "b"), Row.of(2L, "c"),
            Row.of(null, "d"), Row.of(4L, null), Row.of(5L, "e"));
    private static final List<Row> RIGHT_ROWS = List.of(Row.of(1L, 10L), Row.of(1L, 11L), Row.of(3L, 30L),
            Row.of(null, 40L), Row.of(4L, 41L), Row.of(5L, null));

    private static Session session;

    @BeforeAll
    static void setUp() {
        session = Session.builder().master("local[2]").appName("join-engine").getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        session.stop();
    }

    @AfterEach
    void resetThreshold() {
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(JoinPlanner.DEFAULT_BROADCAST_THRESHOLD));
    }

    @ParameterizedTest
    @CsvSource({"inner,true", "left,true", "right,true", "full,true", "left_semi,true", "left_anti,true",
            "inner,false", "left,false", "right,false", "full,false", "left_semi,false", "left_anti,false"})
    void everyJoinTypeMatchesANestedLoop(String type, boolean broadcast) {
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(broadcast ? 1L << 30 : -1));
        Dataset left = session.createDataset(LEFT_ROWS, LEFT);
        Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
        Dataset joined = left.join(right, left.col("k").equalTo(right.col("k")), type);
        assertThat(joined.explainString()).contains(broadcast && !type.equals("full") ? "BroadcastHashJoin"
                : "ShuffledHashJoin");
        assertThat(sorted(joined.collectAsList())).isEqualTo(sorted(nestedLoop(LEFT_ROWS, RIGHT_ROWS, type, false)));
    }

    @ParameterizedTest
    @CsvSource({"inner,true", "left,true", "full,false", "left_anti,false", "left_semi,true", "right,false"})
    void aResidualConditionDecidesMatches(String type, boolean broadcast) {
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(broadcast ? 1L << 30 : -1));
        Dataset left = session.createDataset(LEFT_ROWS, LEFT);
        Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
        Dataset joined = left.join(right, left.col("k").equalTo(right.col("k")).and(right.col("w").gt(10L)), type);
        assertThat(sorted(joined.collectAsList())).isEqualTo(sorted(nestedLoop(LEFT_ROWS, RIGHT_ROWS, type, true)));
    }

    @ParameterizedTest
    @CsvSource({"inner", "left", "right", "full", "left_anti"})
    void emptySides(String type) {
        for (boolean broadcast : new boolean[] {true, false}) {
            session.setEngineSettings(session.engineSettings().withBroadcastThreshold(broadcast ? 1L << 30 : -1));
            Dataset left = session.createDataset(LEFT_ROWS, LEFT);
            Dataset none = session.createDataset(List.of(), RIGHT);
            assertThat(sorted(left.join(none, left.col("k").equalTo(none.col("k")), type).collectAsList()))
                    .isEqualTo(sorted(nestedLoop(LEFT_ROWS, List.of(), type, false)));
            Dataset noneLeft = session.createDataset(List.of(), LEFT);
            Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
            assertThat(sorted(noneLeft.join(right, noneLeft.col("k").equalTo(right.col("k")), type).collectAsList()))
                    .isEqualTo(sorted(nestedLoop(List.of(), RIGHT_ROWS, type, false)));
        }
    }

    @Test
    void usingColumnsFollowSpark() {
        Dataset left = session.createDataset(LEFT_ROWS, LEFT);
        Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
        Dataset full = left.join(right, List.of("k"), "full");
        assertThat(full.columns()).containsExactly("k", "v", "w");
        assertThat(sorted(full.collectAsList())).isEqualTo(sorted(List.of(Row.of(1L, "a", 10L), Row.of(1L, "a", 11L),
                Row.of(1L, "b", 10L), Row.of(1L, "b", 11L), Row.of(2L, "c", null), Row.of(null, "d", null),
                Row.of(4L, null, 41L), Row.of(5L, "e", null), Row.of(3L, null, 30L), Row.of(null, null, 40L))));
        Dataset rightJoin = left.join(right, List.of("k"), "right");
        assertThat(sorted(rightJoin.select("k").collectAsList())).isEqualTo(sorted(List.of(Row.of(1L), Row.of(1L),
                Row.of(1L), Row.of(1L), Row.of(3L), Row.of((Object) null), Row.of(4L), Row.of(5L))));
        assertThat(left.join(right, "k").columns()).containsExactly("k", "v", "w");
    }

    @Test
    void anAmbiguousNameNamesBothSides() {
        Dataset left = session.createDataset(LEFT_ROWS, LEFT);
        Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
        assertThatThrownBy(() -> left.join(right, col("k").equalTo(col("w"))))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("Column 'k' is ambiguous").hasMessageContaining("left side has [k#")
                .hasMessageContaining("right side has [k#");
    }

    @Test
    void crossAndNonEquiJoinsRunUnderBothStrategies() {
        for (long threshold : new long[] {1L << 30, -1}) {
            session.setEngineSettings(session.engineSettings().withBroadcastThreshold(threshold));
            Dataset left = session.createDataset(LEFT_ROWS, LEFT);
            Dataset right = session.createDataset(RIGHT_ROWS, RIGHT);
            assertThat(left.crossJoin(right).count()).isEqualTo(36L);
            // k < k: pairs of non-null keys with left.k < right.k
            long expected = 0;
            for (Row l : LEFT_ROWS) {
                for (Row r : RIGHT_ROWS) {
                    if (l.get(0) != null && r.get(0) != null && (Long) l.get(0) < (Long) r.get(0)) {
                        expected++;
                    }
                }
            }
            assertThat(left.join(right, left.col("k").lt(right.col("k")), "inner").count()).isEqualTo(expected);
            assertThat(left.join(right, left.col("k").lt(right.col("k")), "full").count()).isPositive();
        }
    }

    @Test
    void aSelfJoinTellsItsSidesApart() {
        Dataset left = session.createDataset(LEFT_ROWS, LEFT);
        assertThat(left.join(left, "k").count()).isEqualTo(7L); // key 1: 2x2, keys 2, 4, 5: one each
    }

    @Test
    void aSkewedKeyJoinsCompletely() {
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(-1));
        Dataset facts = session.range(0, 200_000, 1, 4).withColumn("k",
                io.spindle.api.functions.when(col("id").mod(10).lt(9), lit(1L)).otherwise(lit(0L))); // 90% on key 1
        Dataset keys = session.range(0, 2, 1, 1).withColumnRenamed("id", "k2");
        Dataset joined = facts.join(keys, facts.col("k").equalTo(keys.col("k2")))
                .groupBy("k").agg(count("*").as("n"), sum("id").as("s")).orderBy("k");
        long skewedSum = 0;
        long otherSum = 0;
        for (long id = 0; id < 200_000; id++) {
            if (id % 10 < 9) {
                skewedSum += id;
            } else {
                otherSum += id;
            }
        }
        assertThat(joined.collectAsList()).containsExactly(Row.of(0L, 20_000L, otherSum), Row.of(1L, 180_000L,
                skewedSum));
    }

    /**
     * A join whose build side is more than 10x the task memory budget completes by grace-partitioning
     * both sides to local disk, with the same answer.
     */
    @Test
    void aJoinOverTenTimesTheBudgetSpillsAndIsCorrect() {
        io.spindle.api.EngineSettings before = session.engineSettings();
        session.setEngineSettings(session.engineSettings().withBroadcastThreshold(-1));
        session.setEngineSettings(before.withTaskMemoryBytes(256L << 10));
        try {
            long files = JoinSpillMetrics.filesWritten();
            long bytes = JoinSpillMetrics.bytesWritten();
            long n = 400_000; // ~ 400k rows x 2 longs per side: many MB against a 256 KB budget
            Dataset left = session.range(0, n, 1, 4).withColumn("lv", col("id").multiply(lit(2L)));
            Dataset right = session.range(0, n, 1, 4).withColumnRenamed("id", "rid")
                    .withColumn("rv", col("rid").plus(lit(1L)));
            Dataset joined = left.join(right, left.col("id").equalTo(right.col("rid")))
                    .agg(count("*"), sum("lv"), sum("rv"));
            assertThat(joined.collectAsList()).containsExactly(Row.of(n, n * (n - 1), n * (n - 1) / 2 + n));
            assertThat(JoinSpillMetrics.filesWritten()).isGreaterThan(files);
            assertThat(JoinSpillMetrics.bytesWritten() - bytes).isGreaterThan(10L * (256L << 10));
        } finally {
            session.setEngineSettings(before);
        }
    }

    // ---- the reference ----

    private static List<Row> nestedLoop(List<Row> left, List<Row> right, String type, boolean residual) {
        List<Row> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Row l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                Row r = right.get(j);
                boolean match = l.get(0) != null && l.get(0).equals(r.get(0))
                        && (!residual || (r.get(1) != null && (Long) r.get(1) > 10L));
                if (match) {
                    matched = true;
                    rightMatched[j] = true;
                    if (!type.startsWith("left_")) {
                        out.add(Row.of(l.get(0), l.get(1), r.get(0), r.get(1)));
                    }
                }
            }
            if (type.equals("left_semi") && matched || type.equals("left_anti") && !matched) {
                out.add(Row.of(l.get(0), l.get(1)));
            }
            if (!matched && (type.equals("left") || type.equals("full"))) {
                out.add(Row.of(l.get(0), l.get(1), null, null));
            }
        }
        if (type.equals("right") || type.equals("full")) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(Row.of(null, null, right.get(j).get(0), right.get(j).get(1)));
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Objects::toString).sorted().toList();
    }
}
