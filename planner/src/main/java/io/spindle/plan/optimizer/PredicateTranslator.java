package io.spindle.plan.optimizer;

import io.spindle.formats.predicate.ComparisonOperator;
import io.spindle.formats.predicate.Predicate;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.IsNotNull;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a filter condition over scan columns into a {@link Predicate} the file reader can use
 * to skip data. Only {@code column op literal}, IN lists of literals, IS [NOT] NULL and their
 * AND / OR / NOT translate; anything else (casts on the column, arithmetic) is left to the filter.
 * Comparisons with a NULL literal never match and do not translate.
 */
final class PredicateTranslator {
    private PredicateTranslator() {}

    /** @param fileNames the file column name of each scan column */
    static Optional<Predicate> translate(Expression condition, Map<ColumnRef, String> fileNames) {
        return translate(condition, fileNames, false);
    }

    /**
     * @param strict whether the result must be equivalent to the condition (under NOT); otherwise
     *     it may be weaker, i.e. match more rows, which is all skipping needs
     */
    private static Optional<Predicate> translate(Expression condition, Map<ColumnRef, String> fileNames,
            boolean strict) {
        if (condition instanceof And and) {
            Optional<Predicate> left = translate(and.left(), fileNames, strict);
            Optional<Predicate> right = translate(and.right(), fileNames, strict);
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(Predicate.and(left.get(), right.get()));
            }
            return strict ? Optional.empty() : (left.isPresent() ? left : right);
        }
        if (condition instanceof Or or) {
            Optional<Predicate> left = translate(or.left(), fileNames, strict);
            Optional<Predicate> right = translate(or.right(), fileNames, strict);
            return left.isPresent() && right.isPresent() ? Optional.of(Predicate.or(left.get(), right.get()))
                    : Optional.empty();
        }
        if (condition instanceof Not not) {
            return translate(not.child(), fileNames, true).map(Predicate::not);
        }
        return leaf(condition, fileNames);
    }

    private static Optional<Predicate> leaf(Expression condition, Map<ColumnRef, String> fileNames) {
        if (condition instanceof Comparison comparison) {
            return comparison(comparison, fileNames);
        }
        if (condition instanceof IsNull isNull && isNull.child() instanceof ColumnRef ref && fileNames.containsKey(ref)) {
            return Optional.of(Predicate.isNull(fileNames.get(ref)));
        }
        if (condition instanceof IsNotNull notNull && notNull.child() instanceof ColumnRef ref
                && fileNames.containsKey(ref)) {
            return Optional.of(Predicate.isNotNull(fileNames.get(ref)));
        }
        if (condition instanceof In in && in.value() instanceof ColumnRef ref && fileNames.containsKey(ref)) {
            List<Object> values = new ArrayList<>();
            for (Expression element : in.list()) {
                if (!(element instanceof Literal literal) || literal.isNull()) {
                    return Optional.empty();
                }
                values.add(literal.value());
            }
            return Optional.of(Predicate.in(fileNames.get(ref), values.toArray()));
        }
        return Optional.empty();
    }

    private static Optional<Predicate> comparison(Comparison comparison, Map<ColumnRef, String> fileNames) {
        CompareOperator operator = comparison.operator();
        Expression left = comparison.left();
        Expression right = comparison.right();
        if (left instanceof Literal && right instanceof ColumnRef) {
            operator = operator.flip();
            Expression swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof ColumnRef ref) || !fileNames.containsKey(ref) || !(right instanceof Literal literal)
                || literal.isNull()) {
            return Optional.empty();
        }
        ComparisonOperator pushed;
        switch (operator) {
            case EQUAL: pushed = ComparisonOperator.EQUAL; break;
            case NOT_EQUAL: pushed = ComparisonOperator.NOT_EQUAL; break;
            case LESS_THAN: pushed = ComparisonOperator.LESS_THAN; break;
            case LESS_THAN_OR_EQUAL: pushed = ComparisonOperator.LESS_THAN_OR_EQUAL; break;
            case GREATER_THAN: pushed = ComparisonOperator.GREATER_THAN; break;
            case GREATER_THAN_OR_EQUAL: pushed = ComparisonOperator.GREATER_THAN_OR_EQUAL; break;
            case NULL_SAFE_EQUAL: return Optional.empty();
            default: throw new AssertionError(operator);
        }
        return Optional.of(new io.spindle.formats.predicate.Comparison(fileNames.get(ref), pushed, literal.value()));
    }
}
