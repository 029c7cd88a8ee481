package io.spindle.plan.stage;

import io.spindle.plan.physical.PhysicalPlan;
import io.spindle.plan.physical.ShuffleExchangeExec;
import io.spindle.plan.physical.ShuffleReadExec;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical plan cut at its exchanges into stages, parents before children: running them in
 * list order runs every stage after the stages it reads.
 */
public record StageGraph(List<Stage> stages) {

    public StageGraph {
        stages = List.copyOf(stages);
    }

    /** Cuts {@code plan} (with unbound column references) at every exchange. */
    public static StageGraph cut(PhysicalPlan plan) {
        List<Stage> stages = new ArrayList<>();
        PhysicalPlan resultFragment = plan.transformUp(node -> {
            if (node instanceof ShuffleExchangeExec exchange) {
                int id = stages.size();
                stages.add(new Stage(id, exchange.child(), exchange.partitioning(), readsOf(exchange.child())));
                return ShuffleReadExec.unresolved(id, exchange.output());
            }
            return node;
        });
        stages.add(new Stage(stages.size(), resultFragment, null, readsOf(resultFragment)));
        return new StageGraph(stages);
    }

    public Stage resultStage() {
        return stages.get(stages.size() - 1);
    }

    private static List<Integer> readsOf(PhysicalPlan fragment) {
        List<Integer> reads = new ArrayList<>();
        fragment.transformUp(node -> {
            if (node instanceof ShuffleReadExec read) {
                reads.add(read.shuffleId());
            }
            return node;
        });
        return reads;
    }

    /** Each stage's fragment, for explain. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Stage stage : stages) {
            text.append("Stage ").append(stage.id())
                    .append(stage.isResult() ? " (result)" : " (shuffle " + stage.shufflePartitioning() + ")")
                    .append(stage.parents().isEmpty() ? "" : " reads " + stage.parents()).append('\n');
            for (String line : stage.fragment().treeString().split("\n")) {
                text.append("  ").append(line).append('\n');
            }
        }
        return text.toString();
    }
}
