package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.Cast;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Not;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.ScalarEvaluator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every vectorized kernel agrees with the row-at-a-time reference ({@link ScalarEvaluator}) on
 * random batches with NULLs, including 128-bit decimal products and sums beyond a long.
 */
class EvaluatorKernelTest {
    private static final Schema SCHEMA = Schema.of(Field.of("i", DataType.INT), Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE), Field.of("m", DataType.decimal(15, 2)), Field.of("n", DataType.decimal(16, 2)),
            Field.of("s", DataType.STRING));
    private static final BoundRef I = new BoundRef(0, DataType.INT, true);
    private static final BoundRef L = new BoundRef(1, DataType.LONG, true);
    private static final BoundRef D = new BoundRef(2, DataType.DOUBLE, true);
    private static final BoundRef M = new BoundRef(3, DataType.decimal(15, 2), true);
    private static final BoundRef N = new BoundRef(4, DataType.decimal(16, 2), true);
    private static final BoundRef S = new BoundRef(5, DataType.STRING, true);

    private static ColumnBatch batch(int rows) {
        SplittableRandom random = new SplittableRandom(11);
        ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
        for (int r = 0; r < rows; r++) {
            builder.appendRow(maybe(random, random.nextInt(-1000, 1000)), maybe(random, random.nextLong(-1L << 40, 1L << 40)),
                    maybe(random, random.nextDouble(-10, 10)),
                    maybe(random, BigDecimal.valueOf(random.nextLong(-999_999_999_999_9L, 999_999_999_999_9L), 2)),
                    maybe(random, BigDecimal.valueOf(random.nextLong(-999_999_999_999_99L, 999_999_999_999_99L), 2)),
                    maybe(random, "s" + random.nextInt(20)));
        }
        return builder.build();
    }

    private static Object maybe(SplittableRandom random, Object value) {
        return random.nextInt(8) == 0 ? null : value;
    }

    private static void assertAgrees(Expression expression, ColumnBatch batch) {
        ColumnVector vector = EvaluatorCompiler.compile(expression).evaluate(batch);
        List<Object> actual = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            actual.add(vector.get(r));
            expected.add(ScalarEvaluator.eval(expression, batch.row(r).toArray()));
        }
        assertThat(actual).as(expression.toString()).containsExactlyElementsOf(expected);
    }

    @Test
    void kernelsAgreeWithTheReference() {
        ColumnBatch batch = batch(3000);
        for (ArithmeticOperator operator : List.of(ArithmeticOperator.ADD, ArithmeticOperator.SUBTRACT,
                ArithmeticOperator.MULTIPLY)) {
            assertAgrees(new Arithmetic(operator, L, new Cast(I, DataType.LONG)), batch);
            assertAgrees(new Arithmetic(operator, D, new Cast(I, DataType.DOUBLE)), batch);
            assertAgrees(new Arithmetic(operator, M, N), batch); // decimal(17,2) / decimal(32,4)
            // a 128-bit operand: decimal(32,4) with decimal(10,0) gives decimal(38,4) or (43,4) bounded
            assertAgrees(new Arithmetic(operator, new Arithmetic(ArithmeticOperator.MULTIPLY, M, N),
                    new Cast(I, DataType.decimal(10, 0))), batch);
        }
        for (CompareOperator operator : CompareOperator.values()) {
            assertAgrees(new Comparison(operator, I, Literal.of(0)), batch);
            assertAgrees(new Comparison(operator, D, Literal.of(0.5)), batch);
            assertAgrees(new Comparison(operator, S, Literal.of("s7")), batch);
            assertAgrees(new Comparison(operator, M, new Literal(new BigDecimal("0.00"), DataType.decimal(15, 2))),
                    batch);
        }
        Expression a = new Comparison(CompareOperator.GREATER_THAN, I, Literal.of(0));
        Expression b = new IsNull(S);
        assertAgrees(new And(a, b), batch);
        assertAgrees(new Or(a, new Not(b)), batch);
        assertAgrees(new Cast(M, DataType.decimal(20, 4)), batch);
    }

    @Test
    void overflowIsAnErrorButNotOnNullRows() {
        ColumnBatch.Builder builder = ColumnBatch.builder(Schema.of(Field.of("l", DataType.LONG)));
        builder.appendRow(Long.MAX_VALUE).appendRow((Object) null);
        ColumnBatch overflowing = builder.build();
        assertThatThrownBy(() -> EvaluatorCompiler.compile(new Arithmetic(ArithmeticOperator.ADD,
                new BoundRef(0, DataType.LONG, true), Literal.of(1L))).evaluate(overflowing))
                .isInstanceOf(EvaluationException.class).hasMessageStartingWith("[ARITHMETIC_OVERFLOW]");
        ColumnBatch.Builder nullOnly = ColumnBatch.builder(Schema.of(Field.of("l", DataType.LONG)));
        nullOnly.appendRow((Object) null);
        ColumnVector result = EvaluatorCompiler.compile(new Arithmetic(ArithmeticOperator.MULTIPLY,
                new BoundRef(0, DataType.LONG, true), Literal.of(Long.MAX_VALUE))).evaluate(nullOnly.build());
        assertThat(result.get(0)).isNull();
    }
}
