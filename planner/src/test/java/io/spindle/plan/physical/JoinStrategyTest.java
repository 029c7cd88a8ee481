package io.spindle.plan.physical;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.types.DataType;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.logical.Join;
import io.spindle.plan.logical.JoinType;
import io.spindle.plan.logical.LocalRelation;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.PlanText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The join strategy by estimated size, as explain shows it (golden snapshots in
 * src/test/resources/golden; -Dspindle.updateGolden=true rewrites them).
 */
class JoinStrategyTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private PhysicalPlanner planner = planner(JoinPlanner.DEFAULT_BROADCAST_THRESHOLD);

    private static PhysicalPlanner planner(long broadcastThreshold) {
        return new PhysicalPlanner(new PlanningContext(new Configuration(), 2, 128L << 20, broadcastThreshold));
    }

    private static LocalRelation relation(String key, String value, int rows) {
        List<List<Object>> values = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            values.add(List.of(i, i * 2));
        }
        return LocalRelation.create(List.of(ColumnRef.create(key, DataType.LONG, true),
                ColumnRef.create(value, DataType.LONG, true)), values);
    }

    private static LogicalPlan join(JoinType type, int leftRows, int rightRows) {
        LocalRelation left = relation("a", "b", leftRows);
        LocalRelation right = relation("x", "y", rightRows);
        return new Analyzer().analyze(Join.create(left, right, type,
                new Comparison(CompareOperator.EQUAL, left.output().get(0), right.output().get(0))));
    }

    private String explain(LogicalPlan plan) {
        return PlanText.normalizeIds(planner.plan(plan).treeString());
    }

    @Test
    void theSmallerSideUnderTheThresholdIsBroadcast() throws IOException {
        planner = planner(1_000);
        assertGolden("join-broadcast-right", explain(join(JoinType.INNER, 1_000, 10)));
        assertGolden("join-broadcast-left", explain(join(JoinType.INNER, 10, 1_000)));
    }

    @Test
    void aPreservedSideIsNeverBroadcast() throws IOException {
        planner = planner(1_000);
        assertThat(explain(join(JoinType.LEFT_OUTER, 10, 1_000))).contains("ShuffledHashJoin left_outer build=right");
        assertThat(explain(join(JoinType.RIGHT_OUTER, 1_000, 10))).contains("ShuffledHashJoin right_outer build=left");
        assertGolden("join-full-outer-shuffled", explain(join(JoinType.FULL_OUTER, 10, 10)));
        assertThat(explain(join(JoinType.LEFT_ANTI, 1_000, 10))).contains("BroadcastHashJoin left_anti build=right");
    }

    @Test
    void preferringSortMergeJoinSortsBothShuffledSidesButStillBroadcastsSmallOnes() throws IOException {
        planner = new PhysicalPlanner(new PlanningContext(new Configuration(), 2, 128L << 20, -1, true));
        assertGolden("join-sort-merge", explain(join(JoinType.FULL_OUTER, 100, 10)));
        planner = new PhysicalPlanner(new PlanningContext(new Configuration(), 2, 128L << 20, 1_000, true));
        assertThat(explain(join(JoinType.INNER, 1_000, 10))).contains("BroadcastHashJoin inner build=right");
    }

    @Test
    void bothSidesOverTheThresholdAreShuffledByTheirKeys() throws IOException {
        planner = planner(-1);
        assertGolden("join-shuffled-hash", explain(join(JoinType.INNER, 100, 10)));
    }

    /** A planner that never broadcasts, with this task budget and target reduce partition size. */
    private static PhysicalPlanner sized(long taskMemory, long targetPartition, boolean preferSortMerge) {
        return new PhysicalPlanner(new PlanningContext(new Configuration(), 2, 128L << 20, -1, preferSortMerge)
                .withJoinSizing(taskMemory, targetPartition));
    }

    // Rows of relation(..) are 16 bytes in the estimate (two longs).

    @Test
    void aBuildSideThatFitsComfortablyPerPartitionIsAShuffledHashJoin() {
        planner = sized(64_000, 1L << 20, false); // 1.6 MB + 16 KB over 1 MB partitions: 8 KB build per partition
        assertThat(explain(join(JoinType.INNER, 100_000, 1_000))).contains("ShuffledHashJoin inner build=right")
                .contains("estimated left=1.5MB right=15.6KB partitions=2 build/partition=7.8KB taskBudget=62.5KB: "
                        + "build side per partition fits the task budget");
        // The same build side spread over enough partitions fits again.
        planner = sized(64_000, 64_000, false); // 48 KB build on one partition: over half the budget
        assertThat(explain(join(JoinType.LEFT_OUTER, 1_000, 3_000))).contains("SortMergeJoin left_outer");
        planner = sized(64_000, 16_000, false); // 4 partitions: 12 KB build per partition
        assertThat(explain(join(JoinType.LEFT_OUTER, 1_000, 3_000))).contains("ShuffledHashJoin left_outer build=right")
                .contains("partitions=4 build/partition=11.7KB");
    }

    @Test
    void aBuildSideOverHalfTheBudgetPerPartitionIsASortMergeJoin() {
        planner = sized(64_000, 1L << 20, false);
        // right 2,001 rows = 32,016 bytes on one partition: just over half of 64,000
        assertThat(explain(join(JoinType.INNER, 10_000, 2_001)))
                .contains("SortMergeJoin inner keys=").doesNotContain("HashJoin")
                .contains("build side per partition over half the task budget");
        assertThat(explain(join(JoinType.INNER, 10_000, 1_999))).contains("ShuffledHashJoin inner build=right");
        // A left join must build its right side, however large: past the budget it sorts instead.
        assertThat(explain(join(JoinType.LEFT_OUTER, 10, 3_000))).contains("SortMergeJoin left_outer");
        assertThat(explain(join(JoinType.RIGHT_OUTER, 3_000, 10))).contains("SortMergeJoin right_outer");
    }

    @Test
    void bothSidesOverTheBudgetAreASortMergeJoinEvenWhenEachPartitionFits() {
        planner = sized(64_000, 16_000, false); // many small partitions: 1k rows per partition at most
        assertThat(explain(join(JoinType.INNER, 20_000, 5_000))).contains("SortMergeJoin inner")
                .contains("both sides over the task budget");
        assertThat(explain(join(JoinType.INNER, 20_000, 3_000))).contains("ShuffledHashJoin inner build=right")
                .contains("partitions=23");
    }

    @Test
    void preferSortMergeOverridesTheSizesAndKeylessOrBinaryJoinsStayHashJoins() {
        planner = sized(1L << 30, 1L << 20, true);
        assertThat(explain(join(JoinType.INNER, 100, 10))).contains("SortMergeJoin inner")
                .contains("spindle.sql.join.preferSortMergeJoin");
        planner = sized(1_000, 1L << 20, false);
        LocalRelation left = relation("a", "b", 1_000);
        LocalRelation right = relation("x", "y", 1_000);
        LogicalPlan keyless = new Analyzer().analyze(Join.create(left, right, JoinType.INNER,
                new Comparison(CompareOperator.LESS_THAN, left.output().get(0), right.output().get(0))));
        assertThat(explain(keyless)).contains("ShuffledHashJoin").contains("no equi-join keys to sort by");
    }

    @Test
    void broadcastExplainShowsTheThresholdItWasUnder() {
        planner = planner(1_000);
        assertThat(explain(join(JoinType.INNER, 1_000, 10)))
                .contains("estimated left=15.6KB right=160B partitions=1 build/partition=160B")
                .contains("right side under the broadcast threshold 1000B");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("spindle.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
