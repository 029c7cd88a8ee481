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

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("spindle.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
