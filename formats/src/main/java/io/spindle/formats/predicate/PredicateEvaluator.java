package io.spindle.formats.predicate;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether any row of a unit of data (row group, stripe, page) can satisfy a predicate,
 * from statistics and, where available, the exact set of distinct values. "Cannot match" must be
 * certain, since the unit is then skipped; anything unsure answers "might match".
 *
 * <p>NOT is first pushed down to the leaves (NOT (a < 5) becomes a >= 5, De Morgan for AND/OR),
 * which is exact under three-valued logic because a row passes a filter only when the predicate
 * is TRUE. NOT IN stays a leaf.
 */
public final class PredicateEvaluator {
    private PredicateEvaluator() {}

    /** False only if no row described by {@code evidence} can make {@code predicate} true. */
    public static boolean mightMatch(Predicate predicate, ColumnEvidence evidence) {
        return evaluate(pushNegationDown(predicate, false), evidence);
    }

    private static boolean evaluate(Predicate predicate, ColumnEvidence evidence) {
        if (predicate instanceof And and) {
            return evaluate(and.left(), evidence) && evaluate(and.right(), evidence);
        }
        if (predicate instanceof Or or) {
            return evaluate(or.left(), evidence) || evaluate(or.right(), evidence);
        }
        if (predicate instanceof IsNull isNull) {
            return !evidence.statistics(isNull.column()).noNulls();
        }
        if (predicate instanceof IsNotNull isNotNull) {
            return !evidence.statistics(isNotNull.column()).allNull();
        }
        if (predicate instanceof Comparison comparison) {
            return comparisonMightMatch(comparison, evidence);
        }
        if (predicate instanceof In in) {
            return inMightMatch(in, evidence, false);
        }
        // After pushNegationDown only NOT IN remains under a NOT.
        return inMightMatch((In) ((Not) predicate).child(), evidence, true);
    }

    private static boolean comparisonMightMatch(Comparison comparison, ColumnEvidence evidence) {
        ColumnStatistics statistics = evidence.statistics(comparison.column());
        if (statistics.allNull()) {
            return false;
        }
        DataType type = statistics.type();
        Optional<Object> literal = Literals.coerce(comparison.literal(), type);
        if (literal.isEmpty() || isNaN(literal.get())) {
            return true;
        }
        if (!boundsAllow(comparison.operator(), literal.get(), statistics)) {
            return false;
        }
        Optional<List<Object>> distinct = evidence.distinctValues(comparison.column());
        if (distinct.isEmpty()) {
            return true;
        }
        for (Object value : distinct.get()) {
            if (comparison.operator().test(Literals.compare(value, literal.get(), type))) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundsAllow(ComparisonOperator operator, Object literal, ColumnStatistics statistics) {
        if (!statistics.hasBounds() || isNaN(statistics.min()) || isNaN(statistics.max())) {
            return true;
        }
        DataType type = statistics.type();
        int literalVsMin = Literals.compare(literal, statistics.min(), type);
        int literalVsMax = Literals.compare(literal, statistics.max(), type);
        // NaN sorts above every number, so a max that may leave NaN out bounds nothing from above.
        boolean maxTrusted = type.kind() != TypeKind.DOUBLE || statistics.maxIncludesNaN();
        switch (operator) {
            case EQUAL: return literalVsMin >= 0 && (!maxTrusted || literalVsMax <= 0);
            case NOT_EQUAL: return !(maxTrusted && literalVsMin == 0 && literalVsMax == 0);
            case LESS_THAN: return literalVsMin > 0;
            case LESS_THAN_OR_EQUAL: return literalVsMin >= 0;
            case GREATER_THAN: return !maxTrusted || literalVsMax < 0;
            case GREATER_THAN_OR_EQUAL: return !maxTrusted || literalVsMax <= 0;
        }
        throw new AssertionError(operator);
    }

    private static boolean inMightMatch(In in, ColumnEvidence evidence, boolean negated) {
        ColumnStatistics statistics = evidence.statistics(in.column());
        if (statistics.allNull()) {
            return false;
        }
        DataType type = statistics.type();
        List<Object> literals = new ArrayList<>();
        for (Object value : in.values()) {
            Optional<Object> literal = Literals.coerce(value, type);
            if (literal.isEmpty() || isNaN(literal.get())) {
                if (!negated) {
                    return true; // cannot reason about this value; it might be present
                }
                continue; // a value no row can equal excludes no row from NOT IN
            }
            literals.add(literal.get());
        }
        ComparisonOperator each = negated ? ComparisonOperator.NOT_EQUAL : ComparisonOperator.EQUAL;
        if (!boundsAllowAny(literals, each, statistics, negated)) {
            return false;
        }
        Optional<List<Object>> distinct = evidence.distinctValues(in.column());
        if (distinct.isEmpty()) {
            return true;
        }
        for (Object value : distinct.get()) {
            boolean listed = containsValue(literals, value, type);
            if (listed != negated) {
                return true;
            }
        }
        return false;
    }

    /** IN: some literal lies within the bounds. NOT IN: the bounds hold other values than the literals. */
    private static boolean boundsAllowAny(List<Object> literals, ComparisonOperator operator,
            ColumnStatistics statistics, boolean negated) {
        if (negated) {
            DataType type = statistics.type();
            boolean singleValue = statistics.hasBounds() && !isNaN(statistics.min()) && !isNaN(statistics.max())
                    && Literals.compare(statistics.min(), statistics.max(), type) == 0
                    && (type.kind() != TypeKind.DOUBLE || statistics.maxIncludesNaN());
            return !singleValue || !containsValue(literals, statistics.min(), type);
        }
        for (Object literal : literals) {
            if (boundsAllow(operator, literal, statistics)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsValue(List<Object> literals, Object value, DataType type) {
        for (Object literal : literals) {
            if (Literals.compare(value, literal, type) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNaN(Object value) {
        return value instanceof Double && ((Double) value).isNaN();
    }

    /** Rewrites so that NOT appears only directly above IN. */
    static Predicate pushNegationDown(Predicate predicate, boolean negate) {
        if (predicate instanceof Not not) {
            return pushNegationDown(not.child(), !negate);
        }
        if (!negate) {
            if (predicate instanceof And and) {
                return new And(pushNegationDown(and.left(), false), pushNegationDown(and.right(), false));
            }
            if (predicate instanceof Or or) {
                return new Or(pushNegationDown(or.left(), false), pushNegationDown(or.right(), false));
            }
            return predicate;
        }
        if (predicate instanceof And and) {
            return new Or(pushNegationDown(and.left(), true), pushNegationDown(and.right(), true));
        }
        if (predicate instanceof Or or) {
            return new And(pushNegationDown(or.left(), true), pushNegationDown(or.right(), true));
        }
        if (predicate instanceof Comparison comparison) {
            return new Comparison(comparison.column(), comparison.operator().negate(), comparison.literal());
        }
        if (predicate instanceof IsNull isNull) {
            return new IsNotNull(isNull.column());
        }
        if (predicate instanceof IsNotNull isNotNull) {
            return new IsNull(isNotNull.column());
        }
        return new Not(predicate); // IN
    }
}
