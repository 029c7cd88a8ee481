package io.spindle.plan.stage;

import io.spindle.plan.physical.Partitioning;
import io.spindle.plan.physical.PhysicalPlan;
import java.util.List;

/**
 * A pipeline of operators between exchanges. A map stage ends in a shuffle by
 * {@code shufflePartitioning} (its id is also the shuffle's id); the result stage (null
 * partitioning) returns rows.
 */
public record Stage(int id, PhysicalPlan fragment, Partitioning shufflePartitioning, List<Integer> parents) {

    public Stage {
        parents = List.copyOf(parents);
    }

    public boolean isResult() {
        return shufflePartitioning == null;
    }
}
