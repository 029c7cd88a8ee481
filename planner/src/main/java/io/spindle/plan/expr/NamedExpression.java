package io.spindle.plan.expr;

/** An expression that defines an output column: a {@link ColumnRef} or an {@link Alias}. */
public interface NamedExpression extends Expression {
    String name();

    /** The attribute that refers to this expression's output from a parent plan. */
    ColumnRef toAttribute();
}
