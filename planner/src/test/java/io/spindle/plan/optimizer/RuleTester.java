package io.spindle.plan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.PlanText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule-test DSL: {@code assertThatRule(rule).on(plan).firesAs("golden-name")} or
 * {@code .doesNotFire()}. A firing rule is checked against a golden snapshot of the plan before
 * and after, stored in src/test/resources/golden; run with {@code -Dspindle.updateGolden=true} to
 * (re)write snapshots, then review the diff.
 */
final class RuleTester {
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
        Path file = GOLDEN.resolve(goldenName + ".txt");
        try {
            if (Boolean.getBoolean("spindle.updateGolden") || !Files.exists(file)) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, snapshot, StandardCharsets.UTF_8);
            }
            assertThat(snapshot).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return after;
    }
}
