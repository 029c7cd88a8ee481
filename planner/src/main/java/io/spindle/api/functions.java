package io.spindle.api;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.ScalarFunction;
import io.spindle.plan.expr.UnresolvedColumn;
import java.util.ArrayList;
import java.util.List;

/** Column functions, as Spark's {@code org.apache.spark.sql.functions}: {@code import static io.spindle.api.functions.*}. */
@SuppressWarnings("checkstyle:TypeName") // named as in Spark, so ported jobs read the same
public final class functions {
    private functions() {}

    public static Column col(String name) {
        return new Column(new UnresolvedColumn(name));
    }

    public static Column column(String name) {
        return col(name);
    }

    /** A literal: Java Integer is int, Long long, Double double, BigDecimal decimal, LocalDate date, null NULL. */
    public static Column lit(Object value) {
        return value instanceof Column column ? column : new Column(Literal.of(value));
    }

    public static Column when(Column condition, Object value) {
        return new Column(new CaseWhen(List.of(condition.expression()), List.of(Column.toExpression(value)),
                Literal.of(null)));
    }

    public static Column coalesce(Column... columns) {
        List<Expression> arguments = new ArrayList<>();
        for (Column column : columns) {
            arguments.add(column.expression());
        }
        return new Column(new Coalesce(arguments));
    }

    public static Column not(Column column) {
        return new Column(new Not(column.expression()));
    }

    public static Column asc(String name) {
        return col(name).asc();
    }

    public static Column desc(String name) {
        return col(name).desc();
    }

    /** {@code count("*")} counts rows; {@code count("x")} counts non-null x. */
    public static Column count(String name) {
        return name.equals("*") ? new Column(AggregateCall.countStar()) : count(col(name));
    }

    public static Column count(Column column) {
        return aggregate(AggregateFunction.COUNT, column);
    }

    public static Column sum(String name) {
        return sum(col(name));
    }

    public static Column sum(Column column) {
        return aggregate(AggregateFunction.SUM, column);
    }

    public static Column avg(String name) {
        return avg(col(name));
    }

    public static Column avg(Column column) {
        return aggregate(AggregateFunction.AVG, column);
    }

    public static Column mean(Column column) {
        return avg(column);
    }

    public static Column min(String name) {
        return min(col(name));
    }

    public static Column min(Column column) {
        return aggregate(AggregateFunction.MIN, column);
    }

    public static Column max(String name) {
        return max(col(name));
    }

    public static Column max(Column column) {
        return aggregate(AggregateFunction.MAX, column);
    }

    public static Column lower(Column column) {
        return call(BuiltinFunction.LOWER, column);
    }

    public static Column upper(Column column) {
        return call(BuiltinFunction.UPPER, column);
    }

    /** The number of characters (code points). */
    public static Column length(Column column) {
        return call(BuiltinFunction.LENGTH, column);
    }

    /** Removes leading and trailing spaces (only ' ', as Spark). */
    public static Column trim(Column column) {
        return call(BuiltinFunction.TRIM, column);
    }

    /** 1-based; position 0 behaves as 1; a negative position counts from the end. */
    public static Column substring(Column column, int position, int length) {
        return call(BuiltinFunction.SUBSTRING, column, lit(position), lit(length));
    }

    /** NULL if any argument is NULL, as Spark's concat. */
    public static Column concat(Column... columns) {
        return call(BuiltinFunction.CONCAT, columns);
    }

    /** The {@code group}th group of the first match, "" when there is none. */
    public static Column regexp_extract(Column column, String regex, int group) {
        return call(BuiltinFunction.REGEXP_EXTRACT, column, lit(regex), lit(group));
    }

    /** The string cast to a date: {@code yyyy-MM-dd}, optionally followed by a time; anything else is an error. */
    public static Column to_date(Column column) {
        return call(BuiltinFunction.TO_DATE, column);
    }

    /** Parses with a Java date pattern; text that does not match, or an invalid date, is an error. */
    public static Column to_date(Column column, String pattern) {
        return call(BuiltinFunction.TO_DATE, column, lit(pattern));
    }

    /** Today in UTC, the same for every row of one query. */
    public static Column current_date() {
        return call(BuiltinFunction.CURRENT_DATE);
    }

    public static Column date_add(Column start, int days) {
        return call(BuiltinFunction.DATE_ADD, start, lit(days));
    }

    public static Column date_sub(Column start, int days) {
        return call(BuiltinFunction.DATE_SUB, start, lit(days));
    }

    /** {@code end - start} in days. */
    public static Column datediff(Column end, Column start) {
        return call(BuiltinFunction.DATEDIFF, end, start);
    }

    public static Column year(Column column) {
        return call(BuiltinFunction.YEAR, column);
    }

    public static Column month(Column column) {
        return call(BuiltinFunction.MONTH, column);
    }

    public static Column dayofmonth(Column column) {
        return call(BuiltinFunction.DAYOFMONTH, column);
    }

    /** Formats a date or timestamp with a Java pattern, English month and day names. */
    public static Column date_format(Column column, String pattern) {
        return call(BuiltinFunction.DATE_FORMAT, column, lit(pattern));
    }

    /**
     * The pieces of {@code column} between matches of {@code regex}, empty pieces kept; NULL for
     * NULL. Spindle has no array columns yet: use it inside {@link #explode} or with
     * {@link Column#getItem}.
     */
    public static Column split(Column column, String regex) {
        return new Column(new io.spindle.plan.expr.Split(column.expression(), regex));
    }

    /** One row per piece of a {@link #split}, other columns repeated; no row for a NULL input. */
    public static Column explode(Column column) {
        return new Column(new io.spindle.plan.expr.Explode(column.expression(), false));
    }

    /** As {@link #explode}, but a NULL input gives one row with a NULL piece. */
    public static Column explode_outer(Column column) {
        return new Column(new io.spindle.plan.expr.Explode(column.expression(), true));
    }

    /** 1, 2, 3, ... within the window partition, in its order; use with {@link Column#over}. */
    public static Column row_number() {
        return new Column(io.spindle.plan.expr.WindowFunction.ranking(io.spindle.plan.expr.WindowFunction.Kind.ROW_NUMBER));
    }

    /** The position of the first row with the same order keys (ties share a rank, gaps follow). */
    public static Column rank() {
        return new Column(io.spindle.plan.expr.WindowFunction.ranking(io.spindle.plan.expr.WindowFunction.Kind.RANK));
    }

    /** As {@link #rank()}, without gaps after ties. */
    public static Column dense_rank() {
        return new Column(io.spindle.plan.expr.WindowFunction.ranking(
                io.spindle.plan.expr.WindowFunction.Kind.DENSE_RANK));
    }

    /** The value {@code offset} rows before in the window partition, NULL where there is none. */
    public static Column lag(Column column, int offset) {
        return lag(column, offset, null);
    }

    /** The value {@code offset} rows before in the window partition, {@code defaultValue} where there is none. */
    public static Column lag(Column column, int offset, Object defaultValue) {
        return offsetFunction(io.spindle.plan.expr.WindowFunction.Kind.LAG, column, offset, defaultValue);
    }

    public static Column lag(String name, int offset) {
        return lag(col(name), offset);
    }

    /** The value {@code offset} rows after in the window partition, NULL where there is none. */
    public static Column lead(Column column, int offset) {
        return lead(column, offset, null);
    }

    public static Column lead(Column column, int offset, Object defaultValue) {
        return offsetFunction(io.spindle.plan.expr.WindowFunction.Kind.LEAD, column, offset, defaultValue);
    }

    public static Column lead(String name, int offset) {
        return lead(col(name), offset);
    }

    private static Column offsetFunction(io.spindle.plan.expr.WindowFunction.Kind kind, Column column, int offset,
            Object defaultValue) {
        if (offset < 0) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs an offset of 0 or more, got " + offset);
        }
        Expression fallback = defaultValue == null ? Literal.of(null) : Column.toExpression(defaultValue);
        return new Column(new io.spindle.plan.expr.WindowFunction(kind, column.expression(), offset, fallback));
    }

    static Column call(BuiltinFunction function, Column... arguments) {
        List<Expression> expressions = new ArrayList<>();
        for (Column argument : arguments) {
            expressions.add(argument.expression());
        }
        return new Column(new ScalarFunction(function, expressions));
    }

    /** The number of distinct non-null values; planned as two aggregations (RewriteDistinctAggregates). */
    public static Column countDistinct(Column column) {
        return new Column(new AggregateCall(AggregateFunction.COUNT, column.expression(), true));
    }

    public static Column countDistinct(String name) {
        return countDistinct(col(name));
    }

    /**
     * The first value of the group, NULL included. Which row is first depends on the order rows
     * reach the aggregation, which a shuffle does not fix, as in Spark.
     */
    public static Column first(Column column) {
        return aggregate(AggregateFunction.FIRST, column);
    }

    public static Column first(String name) {
        return first(col(name));
    }

    private static Column aggregate(AggregateFunction function, Column column) {
        return new Column(new AggregateCall(function, column.expression(), false));
    }
}
