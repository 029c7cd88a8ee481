package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.Explode;
import io.spindle.plan.expr.Expression;
import java.util.List;
import java.util.function.Function;

/** Each input row repeated once per value of the generator, with that value as the last column. */
public record GenerateExec(Explode generator, List<ColumnRef> output, PhysicalPlan child) implements PhysicalPlan {

    public GenerateExec {
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalPlan> children() {
        return List.of(child);
    }

    @Override
    public PhysicalPlan withChildren(List<PhysicalPlan> children) {
        return new GenerateExec(generator, output, children.get(0));
    }

    @Override
    public PhysicalPlan mapExpressions(Function<Expression, Expression> mapper) {
        return new GenerateExec((Explode) mapper.apply(generator), output, child);
    }

    @Override
    public String nodeString() {
        return "Generate " + generator + " " + io.spindle.plan.logical.PlanText.list(output);
    }
}
