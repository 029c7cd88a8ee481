package io.spindle.plan.optimizer;

import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.Expression;
import java.util.List;

/**
 * A stand-in for a non-deterministic expression (like Spark's {@code rand()}, which Spindle does not
 * have yet): passes its child's value through but declares itself non-deterministic, so the rule
 * tests can check that no rule moves, merges or duplicates such an expression. Never evaluated.
 */
record NonDeterministicProbe(Expression child) implements Expression {

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        return new NonDeterministicProbe(children.get(0));
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public String toString() {
        return "nondeterministic(" + child + ")";
    }
}
