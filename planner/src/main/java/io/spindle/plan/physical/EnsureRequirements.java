package io.spindle.plan.physical;

import java.util.ArrayList;
import java.util.List;

/**
 * The one pass that inserts exchanges: wherever a child's output partitioning does not satisfy
 * the distribution its parent requires, a {@link ShuffleExchangeExec} providing it goes between.
 */
public final class EnsureRequirements {
    private EnsureRequirements() {}

    public static PhysicalPlan apply(PhysicalPlan plan) {
        return plan.transformUp(node -> {
            List<Distribution> required = node.requiredChildDistribution();
            List<PhysicalPlan> children = new ArrayList<>(node.children());
            boolean changed = false;
            for (int i = 0; i < children.size(); i++) {
                PhysicalPlan child = children.get(i);
                if (!child.outputPartitioning().satisfies(required.get(i))) {
                    children.set(i, new ShuffleExchangeExec(Partitioning.providing(required.get(i)), child));
                    changed = true;
                }
            }
            return changed ? node.withChildren(children) : node;
        });
    }
}
