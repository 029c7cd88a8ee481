package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END}: the first branch whose condition is true (not
 * false, not null) wins; without a match the else value, NULL when absent. After coercion all
 * values share one type.
 *
 * @param elseValue the else branch; a null literal when the user gave none
 */
public record CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue)
        implements Expression {

    public CaseWhen {
        conditions = List.copyOf(conditions);
        values = List.copyOf(values);
        if (conditions.size() != values.size() || conditions.isEmpty()) {
            throw new IllegalArgumentException("CASE needs one value per condition and at least one branch");
        }
    }

    @Override
    public List<Expression> children() {
        List<Expression> children = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            children.add(conditions.get(i));
            children.add(values.get(i));
        }
        children.add(elseValue);
        return children;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        List<Expression> newConditions = new ArrayList<>();
        List<Expression> newValues = new ArrayList<>();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            newConditions.add(children.get(i));
            newValues.add(children.get(i + 1));
        }
        return new CaseWhen(newConditions, newValues, children.get(children.size() - 1));
    }

    @Override
    public DataType dataType() {
        return values.get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return elseValue.nullable() || values.stream().anyMatch(Expression::nullable);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            text.append(" WHEN ").append(conditions.get(i)).append(" THEN ").append(values.get(i));
        }
        return text.append(" ELSE ").append(elseValue).append(" END").toString();
    }
}
