package io.spindle.plan.optimizer;

import io.spindle.metastore.NameSuggestions;
import io.spindle.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * THE list of optimizer rules, in the order they run: reading {@link #batches()} tells what the
 * optimizer does. Each rule can be switched off by name (the set of excluded rule names comes from
 * the engine settings, later the key {@code spindle.optimizer.excludedRules}).
 */
public final class Optimizer {
    private final Set<String> excludedRules;
    private final List<RuleBatch> batches;

    /** @throws IllegalArgumentException naming an excluded rule that does not exist, and the closest one */
    public Optimizer(Set<String> excludedRules) {
        this(excludedRules, batches());
    }

    /** An optimizer running only {@code batches}: tests run one rule through the exclusion switch. */
    Optimizer(Set<String> excludedRules, List<RuleBatch> batches) {
        List<String> known = ruleNames();
        for (String rule : excludedRules) {
            if (!known.contains(rule)) {
                String suggestion = NameSuggestions.didYouMean(rule, known);
                throw new IllegalArgumentException("Unknown optimizer rule '" + rule + "' in spindle.optimizer.excludedRules"
                        + (suggestion.isEmpty() ? "." : suggestion) + " Rules: " + String.join(", ", known));
            }
        }
        this.excludedRules = Set.copyOf(excludedRules);
        this.batches = List.copyOf(batches);
    }

    /** Every batch, in order. */
    public static List<RuleBatch> batches() {
        return List.of(
                RuleBatch.once("Rewrite distinct aggregates",
                        new RewriteDistinctAggregates()),
                RuleBatch.fixpoint("Simplify expressions",
                        new ConstantFolding(),
                        new SimplifyBooleanExpressions()),
                RuleBatch.fixpoint("Push down and collapse",
                        new CombineFilters(),
                        new PushFilterThroughProject(),
                        new PushFilterThroughJoin(),
                        new PushFilterThroughAggregate(),
                        new PushFilterThroughUnion(),
                        new CombineLimits(),
                        new PushLimitThroughProject(),
                        new PushLimitThroughUnion(),
                        new CollapseProjects(),
                        new ConstantFolding(),
                        new SimplifyBooleanExpressions()),
                RuleBatch.fixpoint("Prune columns",
                        new PruneColumns(),
                        new CollapseProjects()),
                RuleBatch.once("Push filters into scans",
                        new PushFilterIntoScan(),
                        new PushFilterIntoTableScan()),
                RuleBatch.once("Select table partitions",
                        new SelectTablePartitions()));
    }

    /** The names of all rules, each once, in first-use order. */
    public static List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (RuleBatch batch : batches()) {
            for (Rule rule : batch.rules()) {
                if (!names.contains(rule.name())) {
                    names.add(rule.name());
                }
            }
        }
        return names;
    }

    public LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan current = plan;
        for (RuleBatch batch : batches) {
            current = runBatch(batch, current);
        }
        return current;
    }

    private LogicalPlan runBatch(RuleBatch batch, LogicalPlan plan) {
        LogicalPlan current = plan;
        for (int iteration = 0; iteration < batch.maxIterations(); iteration++) {
            boolean fired = false;
            for (Rule rule : batch.rules()) {
                if (excludedRules.contains(rule.name())) {
                    continue;
                }
                LogicalPlan rewritten = applyEverywhere(rule, current);
                if (!rewritten.equals(current)) {
                    current = rewritten;
                    fired = true;
                }
            }
            if (!fired) {
                return current;
            }
        }
        return current;
    }

    /** Offers every node to the rule, top-down; a rewritten node's children are visited next. */
    public static LogicalPlan applyEverywhere(Rule rule, LogicalPlan plan) {
        return plan.transformDown(node -> {
            Optional<LogicalPlan> rewritten = rule.apply(node);
            return rewritten.orElse(node);
        });
    }
}
