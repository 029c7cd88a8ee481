package io.spindle.api;

import io.spindle.formats.types.DataType;
import io.spindle.plan.expr.Alias;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Cast;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.IsNotNull;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A column expression of the Dataset API, as in Spark: {@code col("price").multiply(lit(2))}.
 * Arguments that are not columns become literals. A column made by {@link #asc()} or
 * {@link #desc()} is a sort key, usable only in orderBy.
 */
public final class Column {
    private final Expression expression;
    private final SortOrder order;

    Column(Expression expression) {
        this(expression, null);
    }

    private Column(Expression expression, SortOrder order) {
        this.expression = expression;
        this.order = order;
    }

    public Expression expression() {
        return expression;
    }

    SortOrder sortOrder() {
        return order != null ? order : SortOrder.ascending(expression);
    }

    static Expression toExpression(Object value) {
        return value instanceof Column column ? column.expression : Literal.of(value);
    }

    private Column binary(ArithmeticOperator operator, Object other) {
        return new Column(new Arithmetic(operator, expression, toExpression(other)));
    }

    private Column compare(CompareOperator operator, Object other) {
        return new Column(new Comparison(operator, expression, toExpression(other)));
    }

    public Column plus(Object other) {
        return binary(ArithmeticOperator.ADD, other);
    }

    public Column minus(Object other) {
        return binary(ArithmeticOperator.SUBTRACT, other);
    }

    public Column multiply(Object other) {
        return binary(ArithmeticOperator.MULTIPLY, other);
    }

    public Column divide(Object other) {
        return binary(ArithmeticOperator.DIVIDE, other);
    }

    public Column mod(Object other) {
        return binary(ArithmeticOperator.REMAINDER, other);
    }

    public Column equalTo(Object other) {
        return compare(CompareOperator.EQUAL, other);
    }

    public Column notEqual(Object other) {
        return compare(CompareOperator.NOT_EQUAL, other);
    }

    public Column eqNullSafe(Object other) {
        return compare(CompareOperator.NULL_SAFE_EQUAL, other);
    }

    public Column gt(Object other) {
        return compare(CompareOperator.GREATER_THAN, other);
    }

    public Column geq(Object other) {
        return compare(CompareOperator.GREATER_THAN_OR_EQUAL, other);
    }

    public Column lt(Object other) {
        return compare(CompareOperator.LESS_THAN, other);
    }

    public Column leq(Object other) {
        return compare(CompareOperator.LESS_THAN_OR_EQUAL, other);
    }

    /** {@code lower <= this AND this <= upper}. */
    public Column between(Object lower, Object upper) {
        return geq(lower).and(leq(upper));
    }

    public Column and(Column other) {
        return new Column(new And(expression, other.expression));
    }

    public Column or(Column other) {
        return new Column(new Or(expression, other.expression));
    }

    public Column not() {
        return new Column(new Not(expression));
    }

    public Column isNull() {
        return new Column(new IsNull(expression));
    }

    public Column isNotNull() {
        return new Column(new IsNotNull(expression));
    }

    public Column isin(Object... values) {
        List<Expression> list = new ArrayList<>();
        for (Object value : values) {
            list.add(toExpression(value));
        }
        return new Column(new In(expression, list));
    }

    /** SQL LIKE: {@code _} one character, {@code %} any sequence, backslash escapes them. */
    public Column like(String pattern) {
        return functions.call(io.spindle.plan.expr.BuiltinFunction.LIKE, this, functions.lit(pattern));
    }

    /** {@code substring} with 1-based position, as {@link functions#substring}. */
    public Column substr(int position, int length) {
        return functions.substring(this, position, length);
    }

    /** Piece {@code index} (0-based) of a {@link functions#split}; NULL past the last piece. */
    public Column getItem(int index) {
        if (!(expression instanceof io.spindle.plan.expr.Split split)) {
            throw new IllegalArgumentException("getItem applies to split(...) columns; " + expression
                    + " is not an array");
        }
        return new Column(io.spindle.plan.expr.ScalarFunction.of(io.spindle.plan.expr.BuiltinFunction.SPLIT_ITEM,
                split.string(), Literal.of(split.regex()), Literal.of(index)));
    }

    /**
     * This ranking, offset or aggregate function (row_number, rank, dense_rank, lag, lead, sum,
     * count, min, max) evaluated over {@code window}.
     */
    public Column over(WindowSpec window) {
        return new Column(new io.spindle.plan.expr.WindowExpression(expression, window.toSpec()));
    }

    public Column cast(DataType type) {
        return new Column(new Cast(expression, type));
    }

    /** {@code cast("int")}, {@code cast("decimal(10,2)")}. */
    public Column cast(String type) {
        return cast(DataType.parse(type));
    }

    public Column as(String name) {
        return new Column(Alias.create(expression instanceof Alias alias ? alias.child() : expression, name));
    }

    public Column alias(String name) {
        return as(name);
    }

    /** Continues a {@link functions#when} chain. */
    public Column when(Column condition, Object value) {
        CaseWhen caseWhen = requireCaseWhen("when");
        List<Expression> conditions = new ArrayList<>(caseWhen.conditions());
        List<Expression> values = new ArrayList<>(caseWhen.values());
        conditions.add(condition.expression);
        values.add(toExpression(value));
        return new Column(new CaseWhen(conditions, values, caseWhen.elseValue()));
    }

    /** Ends a {@link functions#when} chain with the value for rows no branch matched. */
    public Column otherwise(Object value) {
        CaseWhen caseWhen = requireCaseWhen("otherwise");
        return new Column(new CaseWhen(caseWhen.conditions(), caseWhen.values(), toExpression(value)));
    }

    private CaseWhen requireCaseWhen(String method) {
        if (!(expression instanceof CaseWhen caseWhen)) {
            throw new IllegalArgumentException(method + "() applies to a column made by functions.when()");
        }
        return caseWhen;
    }

    public Column asc() {
        return new Column(expression, new SortOrder(expression, true, true));
    }

    public Column asc_nulls_last() {
        return new Column(expression, new SortOrder(expression, true, false));
    }

    public Column desc() {
        return new Column(expression, new SortOrder(expression, false, false));
    }

    public Column desc_nulls_first() {
        return new Column(expression, new SortOrder(expression, false, true));
    }

    @Override
    public String toString() {
        return order != null ? order.toString() : expression.toString();
    }
}
