package io.spindle.api;

import io.spindle.plan.expr.AggregateCall;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
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

    private static Column aggregate(AggregateFunction function, Column column) {
        return new Column(new AggregateCall(function, column.expression(), false));
    }
}
