package io.spindle.plan.analysis;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.TypeKind;
import io.spindle.plan.expr.Casts;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.ScalarFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Casts the arguments of a built-in function call to the types the function takes, as Spark's
 * implicit casts do: {@code year('2024-01-31')} reads the string as a date, {@code concat(1, 'a')}
 * reads the number as a string. An argument that ANSI mode cannot cast is an analysis error.
 */
final class FunctionCoercion {
    private FunctionCoercion() {}

    static Expression coerce(ScalarFunction call) {
        List<Expression> arguments = new ArrayList<>(call.arguments().size());
        for (int i = 0; i < call.arguments().size(); i++) {
            Expression argument = call.arguments().get(i);
            DataType wanted = call.function().argumentType(i);
            if (!argument.dataType().equals(wanted) && !isNullLiteral(argument) && !allowed(argument.dataType(), wanted)) {
                throw new AnalysisException(call.function().displayName() + " cannot take " + argument + " of type "
                        + argument.dataType() + " as argument " + (i + 1) + "; it needs " + wanted.simpleString());
            }
            arguments.add(TypeCoercion.castTo(argument, wanted));
        }
        return new ScalarFunction(call.function(), arguments);
    }

    /** Implicit casts are narrower than explicit ones: no number becomes a date, no boolean a number. */
    private static boolean allowed(DataType from, DataType to) {
        if (!Casts.canCast(from, to)) {
            return false;
        }
        if (to.kind() == TypeKind.INT) {
            return from.kind() == TypeKind.LONG || from.kind() == TypeKind.STRING;
        }
        return true;
    }

    private static boolean isNullLiteral(Expression expression) {
        return expression instanceof io.spindle.plan.expr.Literal literal && literal.isNull();
    }
}
