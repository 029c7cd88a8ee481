package io.spindle.plan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.spindle.api.EngineSettings;
import io.spindle.conf.SpindleConf;
import io.spindle.conf.SpindleKeys;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.PlanText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The rule-test DSL: {@code assertThatRule(rule).on(plan).firesAs("golden-name")},
 * {@code .doesNotFire()} and {@code .isSwitchedOffByConfig()}.
 *
 * <p>A firing rule is checked against a golden snapshot of the plan before and after, stored in
 * {@code planner/src/test/resources/golden/<name>.txt}. To create or update snapshots after an
 * intended change, run the tests with {@code -Dspindle.updateGolden=true}, e.g.
 * {@code mvn -o -B -pl planner -am test -Dtest='*Rule*Test' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspindle.updateGolden=true}, and review the snapshot diff in git. Without the property a missing
 * snapshot fails, and a changed plan fails with a line-by-line diff.
 */
final class RuleTester {
    static final String UPDATE_PROPERTY = "spindle.updateGolden";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final Rule rule;
    private LogicalPlan plan;

    private RuleTester(Rule rule) {
        this.rule = rule;
    }

    static RuleTester assertThatRule(Rule rule) {
        return new RuleTester(rule);
    }

    RuleTester on(LogicalPlan input) {
        this.plan = input;
        return this;
    }

    void doesNotFire() {
        LogicalPlan after = Optimizer.applyEverywhere(rule, plan);
        assertThat(after).as("%s should not fire on%n%s", rule.name(), plan.treeString()).isEqualTo(plan);
    }

    LogicalPlan firesAs(String goldenName) {
        LogicalPlan after = Optimizer.applyEverywhere(rule, plan);
        assertThat(after).as("%s should fire on%n%s", rule.name(), plan.treeString()).isNotEqualTo(plan);
        String snapshot = PlanText.normalizeIds("rule: " + rule.name() + "\nbefore:\n" + plan.treeString()
                + "after:\n" + after.treeString());
        matchesGolden(goldenName, snapshot);
        return after;
    }

    /**
     * The rule, run to fixpoint by an optimizer whose excluded rules come from the configuration key
     * {@code spindle.optimizer.excludedRules} naming it, leaves the plan as it is; with the key
     * empty, the same optimizer rewrites it.
     */
    void isSwitchedOffByConfig() {
        List<RuleBatch> onlyThisRule = List.of(RuleBatch.fixpoint("under test", rule));
        SpindleConf off = SpindleConf.of(Map.of(SpindleKeys.OPTIMIZER_EXCLUDED_RULES.name(), rule.name()));
        LogicalPlan switchedOff = new Optimizer(EngineSettings.from(off).excludedRules(), onlyThisRule).optimize(plan);
        assertThat(switchedOff).as("%s switched off should leave%n%s", rule.name(), plan.treeString()).isEqualTo(plan);
        LogicalPlan switchedOn = new Optimizer(EngineSettings.from(SpindleConf.of(Map.of())).excludedRules(),
                onlyThisRule).optimize(plan);
        assertThat(switchedOn).as("%s switched on should rewrite%n%s", rule.name(), plan.treeString())
                .isNotEqualTo(plan);
    }

    static void matchesGolden(String goldenName, String snapshot) {
        Path file = GOLDEN.resolve(goldenName + ".txt");
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, snapshot, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("No golden snapshot " + file + "; run with -D" + UPDATE_PROPERTY + "=true to write it, then "
                        + "review it. The plan is:\n" + snapshot);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(snapshot)) {
                fail("Plan differs from golden snapshot " + file + " (- expected, + actual); if the change is "
                        + "intended, run with -D" + UPDATE_PROPERTY + "=true and review the diff:\n"
                        + GoldenDiff.diff(expected, snapshot));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
