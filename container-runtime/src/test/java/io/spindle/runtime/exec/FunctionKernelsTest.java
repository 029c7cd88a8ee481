package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.Arithmetic;
import io.spindle.plan.expr.ArithmeticOperator;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.BuiltinFunction;
import io.spindle.plan.expr.CaseWhen;
import io.spindle.plan.expr.Coalesce;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.EvaluationException;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.In;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.ScalarEvaluator;
import io.spindle.plan.expr.ScalarFunction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The CASE / COALESCE / IN and string and date function kernels agree with the row-at-a-time
 * reference ({@link ScalarEvaluator}) on random batches with NULLs, multi-byte text, edge dates,
 * and positions before, inside and past the string; each is a kernel, not the row fallback.
 */
class FunctionKernelsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("i", DataType.INT), Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE), Field.of("s", DataType.STRING), Field.of("t", DataType.STRING),
            Field.of("day", DataType.DATE), Field.of("n", DataType.INT));
    private static final BoundRef I = new BoundRef(0, DataType.INT, true);
    private static final BoundRef L = new BoundRef(1, DataType.LONG, true);
    private static final BoundRef D = new BoundRef(2, DataType.DOUBLE, true);
    private static final BoundRef S = new BoundRef(3, DataType.STRING, true);
    private static final BoundRef T = new BoundRef(4, DataType.STRING, true);
    private static final BoundRef DAY = new BoundRef(5, DataType.DATE, true);
    private static final BoundRef N = new BoundRef(6, DataType.INT, true);
    private static final String[] WORDS = {"", " padded  ", "Hello", "ÄÖÜ straße", "a_b%c", "日本語テキスト", "x", "MiXeD 42",
        "  ", "abcabc"};

    private static ColumnBatch batch(int rows) {
        SplittableRandom random = new SplittableRandom(5);
        ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
        for (int r = 0; r < rows; r++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-800_000, 800_000)); // years ~ -220 to 4160
            builder.appendRow(maybe(random, random.nextInt(-5, 5)), maybe(random, random.nextLong(-20, 20)),
                    maybe(random, random.nextInt(4) == 0 ? -0.0 : random.nextInt(-3, 3) * 0.5),
                    maybe(random, WORDS[random.nextInt(WORDS.length)]), maybe(random, WORDS[random.nextInt(WORDS.length)]),
                    maybe(random, day), maybe(random, random.nextInt(-400, 400)));
        }
        return builder.build();
    }

    private static Object maybe(SplittableRandom random, Object value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static void assertMatchesReference(Expression expression) {
        VectorEvaluator evaluator = EvaluatorCompiler.compile(expression);
        assertThat(evaluator).as("kernel for " + expression).isNotInstanceOf(RowEvaluator.class);
        ColumnBatch batch = batch(3000);
        ColumnVector result = evaluator.evaluate(batch);
        List<Object> actual = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            actual.add(result.get(r));
            expected.add(ScalarEvaluator.eval(expression, batch.row(r).toArray()));
        }
        assertThat(actual).as(expression.toString()).containsExactlyElementsOf(expected);
    }

    private static ScalarFunction call(BuiltinFunction function, Expression... arguments) {
        return ScalarFunction.of(function, arguments);
    }

    @Test
    void stringFunctions() {
        assertMatchesReference(call(BuiltinFunction.LOWER, S));
        assertMatchesReference(call(BuiltinFunction.UPPER, S));
        assertMatchesReference(call(BuiltinFunction.LENGTH, S));
        assertMatchesReference(call(BuiltinFunction.TRIM, S));
        assertMatchesReference(call(BuiltinFunction.CONCAT, S, Literal.of("|"), T));
        for (int position : new int[] {-20, -3, -1, 0, 1, 2, 5, 30}) {
            for (int length : new int[] {-1, 0, 1, 3, 100}) {
                assertMatchesReference(call(BuiltinFunction.SUBSTRING, S, Literal.of(position), Literal.of(length)));
            }
        }
        for (String pattern : new String[] {"Hello", "a%", "%e", "%ab%", "%", "", "a\\_b%", "_b%", "%テ%", "%%"}) {
            assertMatchesReference(call(BuiltinFunction.LIKE, S, Literal.of(pattern)));
        }
    }

    @Test
    void dateFunctions() {
        assertMatchesReference(call(BuiltinFunction.YEAR, DAY));
        assertMatchesReference(call(BuiltinFunction.MONTH, DAY));
        assertMatchesReference(call(BuiltinFunction.DAYOFMONTH, DAY));
        assertMatchesReference(call(BuiltinFunction.DATE_ADD, DAY, N));
        assertMatchesReference(call(BuiltinFunction.DATE_SUB, DAY, Literal.of(31)));
        assertMatchesReference(call(BuiltinFunction.DATEDIFF, DAY, Literal.of(LocalDate.of(2000, 2, 29))));
        VectorEvaluator overflow = EvaluatorCompiler.compile(call(BuiltinFunction.DATE_ADD, DAY,
                Literal.of(Integer.MAX_VALUE)));
        assertThatThrownBy(() -> overflow.evaluate(batch(100))).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("overflow");
    }

    @Test
    void conditionalsAndIn() {
        Comparison positive = new Comparison(CompareOperator.GREATER_THAN, I, Literal.of(0));
        Comparison small = new Comparison(CompareOperator.LESS_THAN, L, Literal.of(3L));
        assertMatchesReference(new CaseWhen(List.of(positive, small), List.of(L, Literal.of(-1L)), Literal.nullOf(DataType.LONG)));
        assertMatchesReference(new CaseWhen(List.of(positive), List.of(S), T));
        assertMatchesReference(new CaseWhen(List.of(small), List.of(D), new Arithmetic(ArithmeticOperator.MULTIPLY, D,
                Literal.of(2.0))));
        assertMatchesReference(new Coalesce(List.of(S, T, Literal.of("none"))));
        assertMatchesReference(new Coalesce(List.of(DAY, Literal.of(LocalDate.of(1970, 1, 1)))));
        assertMatchesReference(new In(I, List.of(Literal.of(1), Literal.of(-2), Literal.of(4))));
        assertMatchesReference(new In(L, List.of(Literal.of(1L), Literal.nullOf(DataType.LONG))));
        assertMatchesReference(new In(D, List.of(Literal.of(0.0), Literal.of(1.5))));
        assertMatchesReference(new In(S, List.of(Literal.of("Hello"), Literal.of("日本語テキスト"), Literal.of(""))));
        assertMatchesReference(new In(DAY, List.of(Literal.of(LocalDate.of(1970, 1, 1)))));
    }

    @Test
    void aBranchThatCouldFailOnRowsNotTakingItStaysOnTheRowPath() {
        // CASE WHEN i <> 0 THEN l / i: the division must not run for i = 0.
        Expression guarded = new CaseWhen(List.of(new Comparison(CompareOperator.NOT_EQUAL, I, Literal.of(0))),
                List.of(new Arithmetic(ArithmeticOperator.DIVIDE, L, I)), Literal.nullOf(DataType.LONG));
        assertThat(FunctionKernels.cannotFail(guarded)).isFalse();
        assertThat(EvaluatorCompiler.compile(guarded)).isInstanceOf(RowEvaluator.class);
    }
}
