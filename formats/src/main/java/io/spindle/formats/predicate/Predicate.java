package io.spindle.formats.predicate;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A filter pushed down to a file reader, independent of the planner's expression classes: column
 * comparisons with literals, IN, IS [NOT] NULL, AND, OR and NOT. It is shipped inside tasks, so it
 * is serializable.
 *
 * <p>A pushed predicate is advisory. A reader uses it to skip data in which no row can satisfy it
 * (row groups, pages), but returns the rows of whatever it does read unfiltered; the engine still
 * applies the filter. SQL three-valued logic applies: a row "satisfies" the predicate only if it
 * evaluates to TRUE, so a comparison with a null column value never matches.
 *
 * <p>Literals are Java values of the form {@link io.spindle.formats.batch.ColumnVector#get(int)}
 * returns: Boolean, Integer, Long, Double, BigDecimal, String, LocalDate, Instant or byte[]. A literal
 * that cannot be converted exactly to its column's type (2.5 against an int column) does not cause
 * skipping; the planner should cast literals to the column's type before pushing.
 */
public sealed interface Predicate extends Serializable
        permits Comparison, In, IsNull, IsNotNull, And, Or, Not {

    /** Names of the columns the predicate reads. */
    default Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        collectColumns(this, columns);
        return columns;
    }

    static Predicate equal(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.EQUAL, literal);
    }

    static Predicate notEqual(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.NOT_EQUAL, literal);
    }

    static Predicate lessThan(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.LESS_THAN, literal);
    }

    static Predicate lessThanOrEqual(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.LESS_THAN_OR_EQUAL, literal);
    }

    static Predicate greaterThan(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.GREATER_THAN, literal);
    }

    static Predicate greaterThanOrEqual(String column, Object literal) {
        return new Comparison(column, ComparisonOperator.GREATER_THAN_OR_EQUAL, literal);
    }

    static Predicate in(String column, Object... literals) {
        return new In(column, List.of(literals));
    }

    static Predicate isNull(String column) {
        return new IsNull(column);
    }

    static Predicate isNotNull(String column) {
        return new IsNotNull(column);
    }

    static Predicate and(Predicate left, Predicate right) {
        return new And(left, right);
    }

    static Predicate or(Predicate left, Predicate right) {
        return new Or(left, right);
    }

    static Predicate not(Predicate child) {
        return new Not(child);
    }

    private static void collectColumns(Predicate predicate, Set<String> columns) {
        if (predicate instanceof Comparison) {
            columns.add(((Comparison) predicate).column());
        } else if (predicate instanceof In) {
            columns.add(((In) predicate).column());
        } else if (predicate instanceof IsNull) {
            columns.add(((IsNull) predicate).column());
        } else if (predicate instanceof IsNotNull) {
            columns.add(((IsNotNull) predicate).column());
        } else if (predicate instanceof And) {
            collectColumns(((And) predicate).left(), columns);
            collectColumns(((And) predicate).right(), columns);
        } else if (predicate instanceof Or) {
            collectColumns(((Or) predicate).left(), columns);
            collectColumns(((Or) predicate).right(), columns);
        } else {
            collectColumns(((Not) predicate).child(), columns);
        }
    }
}
