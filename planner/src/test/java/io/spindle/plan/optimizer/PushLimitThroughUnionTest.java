package io.spindle.plan.optimizer;

import static io.spindle.plan.optimizer.RuleTester.assertThatRule;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.analysis.Analyzer;
import io.spindle.plan.logical.Limit;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Scan;
import io.spindle.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A limit above a union is copied onto its inputs, once. */
class PushLimitThroughUnionTest {
    private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT));
    private final Analyzer analyzer = new Analyzer();

    private static Scan scan(String path) {
        return Scan.create("parquet", List.of(path), SCHEMA);
    }

    @Test
    void copiesTheLimitOntoEveryInput() {
        LogicalPlan plan = analyzer.analyze(Limit.create(10, Union.create(List.of(scan("/a"), scan("/b")))));
        LogicalPlan after = assertThatRule(new PushLimitThroughUnion()).on(plan).firesAs("push-limit-through-union");
        assertThatRule(new PushLimitThroughUnion()).on(after).doesNotFire();
        assertThatRule(new PushLimitThroughUnion()).on(plan).isSwitchedOffByConfig();
    }

    @Test
    void keepsATighterLimitBelow() {
        LogicalPlan plan = analyzer.analyze(Limit.create(10, Union.create(List.of(Limit.create(5, scan("/a")),
                Limit.create(3, scan("/b"))))));
        assertThatRule(new PushLimitThroughUnion()).on(plan).doesNotFire();
    }
}
