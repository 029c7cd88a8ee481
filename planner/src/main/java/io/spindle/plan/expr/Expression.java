package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A scalar or aggregate expression. Expressions are immutable records; an expression tree is
 * <em>unresolved</em> while it holds {@link UnresolvedColumn}s, and the analyzer turns it into a
 * resolved tree of {@link ColumnRef}s with coercion casts inserted. Physical planning finally binds
 * column references to input positions ({@link BoundRef}).
 *
 * <p>Values follow SQL three-valued logic: any operator but {@link IsNull}, {@link IsNotNull},
 * {@link Coalesce}, {@link CaseWhen}, {@link And} and {@link Or} returns null when an input is null.
 */
public interface Expression extends Serializable {

    List<Expression> children();

    /** A copy with these children, in the order {@link #children()} returns them. */
    Expression withChildren(List<Expression> children);

    /** The result type; only defined once the expression is resolved. */
    DataType dataType();

    boolean nullable();

    default boolean resolved() {
        for (Expression child : children()) {
            if (!child.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value is a constant computable at planning time. */
    default boolean foldable() {
        if (children().isEmpty()) {
            return false;
        }
        for (Expression child : children()) {
            if (!child.foldable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the expression gives the same value every time it is evaluated on the same input.
     * Rules that move, duplicate or drop an evaluation (pushdown, collapsing, folding) touch only
     * deterministic expressions. Every built-in scalar expression is deterministic today;
     * an expression that is not (a random number, a row counter) overrides this to return false.
     */
    default boolean deterministic() {
        for (Expression child : children()) {
            if (!child.deterministic()) {
                return false;
            }
        }
        return true;
    }

    default Expression transformUp(Function<Expression, Expression> rule) {
        List<Expression> children = children();
        Expression current = this;
        if (!children.isEmpty()) {
            List<Expression> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expression child : children) {
                Expression newChild = child.transformUp(rule);
                changed |= newChild != child;
                newChildren.add(newChild);
            }
            if (changed) {
                current = withChildren(newChildren);
            }
        }
        return rule.apply(current);
    }

    default Expression transformDown(Function<Expression, Expression> rule) {
        Expression current = rule.apply(this);
        List<Expression> children = current.children();
        if (children.isEmpty()) {
            return current;
        }
        List<Expression> newChildren = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression child : children) {
            Expression newChild = child.transformDown(rule);
            changed |= newChild != child;
            newChildren.add(newChild);
        }
        return changed ? current.withChildren(newChildren) : current;
    }

    /** Every sub-expression of the given class, this one included, in pre-order. */
    default <T extends Expression> List<T> collect(Class<T> type) {
        List<T> found = new ArrayList<>();
        collectInto(this, type, found);
        return found;
    }

    /** The columns this expression reads. */
    default Set<ColumnRef> references() {
        return new LinkedHashSet<>(collect(ColumnRef.class));
    }

    private static <T extends Expression> void collectInto(Expression expression, Class<T> type, List<T> found) {
        if (type.isInstance(expression)) {
            found.add(type.cast(expression));
        }
        for (Expression child : expression.children()) {
            collectInto(child, type, found);
        }
    }
}
