package io.spindle.plan.optimizer;

import java.util.List;

/**
 * Rules run together, in order, repeatedly until none fires (or {@code maxIterations} rounds have
 * run: a guard against two rules undoing each other, which would be a bug).
 */
public record RuleBatch(String name, int maxIterations, List<Rule> rules) {
    public RuleBatch {
        rules = List.copyOf(rules);
    }

    public static RuleBatch fixpoint(String name, Rule... rules) {
        return new RuleBatch(name, 100, List.of(rules));
    }

    public static RuleBatch once(String name, Rule... rules) {
        return new RuleBatch(name, 1, List.of(rules));
    }
}
