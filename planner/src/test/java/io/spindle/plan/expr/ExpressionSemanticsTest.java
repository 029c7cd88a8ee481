package io.spindle.plan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.types.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value semantics: three-valued logic, ANSI errors, casts and decimal typing, as DESIGN.md states them. */
class ExpressionSemanticsTest {
    private static Object eval(Expression expression) {
        return ScalarEvaluator.eval(expression, new Object[0]);
    }

    private static final Literal NULL_BOOLEAN = Literal.nullOf(DataType.BOOLEAN);

    @Test
    void andOrNotFollowThreeValuedLogic() {
        assertThat(eval(new And(NULL_BOOLEAN, Literal.FALSE))).isEqualTo(false);
        assertThat(eval(new And(NULL_BOOLEAN, Literal.TRUE))).isNull();
        assertThat(eval(new Or(NULL_BOOLEAN, Literal.TRUE))).isEqualTo(true);
        assertThat(eval(new Or(NULL_BOOLEAN, Literal.FALSE))).isNull();
        assertThat(eval(new Not(NULL_BOOLEAN))).isNull();
        assertThat(eval(new IsNull(Literal.nullOf(DataType.INT)))).isEqualTo(true);
        assertThat(eval(new In(Literal.of(3), List.of(Literal.of(1), Literal.nullOf(DataType.INT))))).isNull();
        assertThat(eval(new In(Literal.of(1), List.of(Literal.of(1), Literal.nullOf(DataType.INT))))).isEqualTo(true);
        assertThat(eval(new Comparison(CompareOperator.NULL_SAFE_EQUAL, Literal.nullOf(DataType.INT),
                Literal.nullOf(DataType.INT)))).isEqualTo(true);
        assertThat(eval(new Coalesce(List.of(Literal.nullOf(DataType.INT), Literal.of(7))))).isEqualTo(7);
    }

    @Test
    void overflowDivisionByZeroAndBadCastsAreErrors() {
        assertThatThrownBy(() -> eval(new Arithmetic(ArithmeticOperator.ADD, Literal.of(Integer.MAX_VALUE), Literal.of(1))))
                .isInstanceOf(EvaluationException.class).hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
        assertThatThrownBy(() -> eval(new Arithmetic(ArithmeticOperator.DIVIDE, Literal.of(1.0), Literal.of(0.0))))
                .hasMessageStartingWith("[DIVIDE_BY_ZERO]");
        assertThatThrownBy(() -> eval(new Cast(Literal.of("1.5"), DataType.INT)))
                .hasMessageStartingWith("[CAST_INVALID_INPUT]");
        assertThatThrownBy(() -> eval(new Cast(Literal.of("2024-02-30"), DataType.DATE)))
                .hasMessageStartingWith("[CAST_INVALID_INPUT]");
        assertThatThrownBy(() -> eval(new Cast(Literal.of(3e10), DataType.INT))).hasMessageStartingWith("[CAST_OVERFLOW]");
    }

    @Test
    void castsTruncateAndRoundAsSparkDoes() {
        assertThat(eval(new Cast(Literal.of(3.7), DataType.INT))).isEqualTo(3);
        assertThat(eval(new Cast(Literal.of(-3.7), DataType.INT))).isEqualTo(-3);
        assertThat(eval(new Cast(Literal.of(new BigDecimal("1.005")), DataType.decimal(5, 2))))
                .isEqualTo(new BigDecimal("1.01"));
        assertThat(eval(new Cast(Literal.of("2024-02-29"), DataType.DATE))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(eval(new Cast(Literal.of(" 42 "), DataType.LONG))).isEqualTo(42L);
    }

    @Test
    void decimalResultTypesFollowSpark() {
        assertThat(DecimalTypes.resultOf(ArithmeticOperator.MULTIPLY, DataType.decimal(15, 2), DataType.decimal(16, 2)))
                .isEqualTo(DataType.decimal(32, 4));
        assertThat(DecimalTypes.resultOf(ArithmeticOperator.MULTIPLY, DataType.decimal(32, 4), DataType.decimal(16, 2)))
                .isEqualTo(DataType.decimal(38, 6));
        assertThat(DecimalTypes.resultOf(ArithmeticOperator.ADD, DataType.decimal(1, 0), DataType.decimal(15, 2)))
                .isEqualTo(DataType.decimal(16, 2));
        assertThat(AggregateFunction.SUM.resultType(DataType.decimal(15, 2))).isEqualTo(DataType.decimal(25, 2));
        assertThat(AggregateFunction.AVG.resultType(DataType.decimal(15, 2))).isEqualTo(DataType.decimal(19, 6));
        assertThat(AggregateFunction.AVG.resultType(DataType.LONG)).isEqualTo(DataType.DOUBLE);
        assertThat(eval(new Arithmetic(ArithmeticOperator.DIVIDE, Literal.of(new BigDecimal("1.00")),
                Literal.of(new BigDecimal("3"))))).isEqualTo(new BigDecimal("0.333333"));
    }
}
