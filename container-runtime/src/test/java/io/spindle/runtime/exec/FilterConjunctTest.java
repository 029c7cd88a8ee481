package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.And;
import io.spindle.plan.expr.BoundRef;
import io.spindle.plan.expr.Cast;
import io.spindle.plan.expr.CompareOperator;
import io.spindle.plan.expr.Comparison;
import io.spindle.plan.expr.Expression;
import io.spindle.plan.expr.IsNull;
import io.spindle.plan.expr.Literal;
import io.spindle.plan.expr.Or;
import io.spindle.plan.expr.ScalarEvaluator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Filters compiled into conjunct kernels keep exactly the rows for which the row-at-a-time
 * reference ({@link ScalarEvaluator}) says the condition is true: every comparison operator with
 * the constant on either side, NaN, -0.0 and NULL values, strings, dates, decimals, and ANDs mixing
 * kernels with evaluated conjuncts.
 */
class FilterConjunctTest {
    private static final Schema SCHEMA = Schema.of(Field.of("i", DataType.INT), Field.of("l", DataType.LONG),
            Field.of("d", DataType.DOUBLE), Field.of("s", DataType.STRING), Field.of("day", DataType.DATE),
            Field.of("m", DataType.decimal(10, 2)));
    private static final BoundRef I = new BoundRef(0, DataType.INT, true);
    private static final BoundRef L = new BoundRef(1, DataType.LONG, true);
    private static final BoundRef D = new BoundRef(2, DataType.DOUBLE, true);
    private static final BoundRef S = new BoundRef(3, DataType.STRING, true);
    private static final BoundRef DAY = new BoundRef(4, DataType.DATE, true);
    private static final BoundRef M = new BoundRef(5, DataType.decimal(10, 2), true);
    private static final double[] DOUBLES = {-1.5, -0.0, 0.0, 0.5, 2.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    private static final String[] STRINGS = {"", "a", "ab", "b", "é", "add_to_cart", "view"};

    private static List<ColumnBatch> batches() {
        SplittableRandom random = new SplittableRandom(5);
        List<ColumnBatch> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
            for (int r = 0; r < 1500; r++) {
                builder.appendRow(maybe(random, random.nextInt(-5, 5)), maybe(random, random.nextLong(-5, 5)),
                        maybe(random, DOUBLES[random.nextInt(DOUBLES.length)]),
                        maybe(random, STRINGS[random.nextInt(STRINGS.length)]),
                        maybe(random, LocalDate.of(1994, 1, 1).plusDays(random.nextInt(-3, 3))),
                        maybe(random, BigDecimal.valueOf(random.nextInt(-300, 300), 2)));
            }
            batches.add(builder.build());
        }
        return batches;
    }

    private static Object maybe(SplittableRandom random, Object value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static void assertFilters(Expression condition, List<ColumnBatch> input) throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        for (ColumnBatch batch : input) {
            for (int r = 0; r < batch.rowCount(); r++) {
                if (Boolean.TRUE.equals(ScalarEvaluator.eval(condition, batch.row(r).toArray()))) {
                    expected.add(batch.row(r));
                }
            }
        }
        List<List<Object>> actual = OperatorTestSupport.run(input,
                new FilterOperator(FilterConjunct.compile(condition), SCHEMA));
        assertThat(actual).as(condition.toString()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyOperatorAgainstAConstantOnEitherSide() throws Exception {
        List<ColumnBatch> input = batches();
        List<Expression[]> pairs = List.of(
                new Expression[] {I, Literal.of(1)}, new Expression[] {L, Literal.of(-2L)},
                new Expression[] {D, Literal.of(0.0)}, new Expression[] {D, Literal.of(-0.0)},
                new Expression[] {D, Literal.of(0.5)}, new Expression[] {D, Literal.of(Double.NaN)},
                new Expression[] {D, Literal.of(Double.POSITIVE_INFINITY)},
                new Expression[] {S, Literal.of("ab")}, new Expression[] {S, Literal.of("")},
                new Expression[] {S, Literal.of("é")},
                new Expression[] {DAY, new Literal(LocalDate.of(1994, 1, 1), DataType.DATE)},
                new Expression[] {M, new Literal(new BigDecimal("0.50"), DataType.decimal(10, 2))},
                new Expression[] {I, Literal.nullOf(DataType.INT)});
        for (Expression[] pair : pairs) {
            for (CompareOperator operator : CompareOperator.values()) {
                assertFilters(new Comparison(operator, pair[0], pair[1]), input);
                assertFilters(new Comparison(operator, pair[1], pair[0]), input);
            }
        }
    }

    @Test
    void conjunctionsOfKernelsAndEvaluatedConditions() throws Exception {
        List<ColumnBatch> input = batches();
        Expression range = new And(new Comparison(CompareOperator.GREATER_THAN_OR_EQUAL, D, Literal.of(-0.0)),
                new Comparison(CompareOperator.LESS_THAN, D, Literal.of(2.0)));
        assertFilters(range, input);
        assertFilters(new And(range, new Or(new IsNull(S), new Comparison(CompareOperator.EQUAL, S, Literal.of("a")))),
                input);
        assertFilters(new And(new Comparison(CompareOperator.LESS_THAN, new Cast(I, DataType.LONG), L), range), input);
        assertFilters(new And(new Comparison(CompareOperator.EQUAL, I, Literal.of(99)), new IsNull(L)), input);
        assertFilters(new And(new IsNull(L), new Comparison(CompareOperator.NOT_EQUAL, S, Literal.of("view"))), input);
    }

    /**
     * Batches whose string column is still dictionary ids (as the Parquet reader leaves it): a
     * copy for the reference, in which the strings are copied, and the batches themselves.
     */
    private static List<ColumnBatch> withDictionaryStrings(List<ColumnBatch> source, boolean deferred) {
        io.spindle.formats.batch.BytesVector dictionary =
                new io.spindle.formats.batch.BytesVector(DataType.STRING, STRINGS.length);
        for (int e = 0; e < STRINGS.length; e++) {
            dictionary.set(e, STRINGS[e].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<ColumnBatch> batches = new ArrayList<>();
        for (ColumnBatch batch : source) {
            io.spindle.formats.batch.ColumnVector[] vectors = new io.spindle.formats.batch.ColumnVector[SCHEMA.size()];
            for (int c = 0; c < vectors.length; c++) {
                vectors[c] = batch.column(c);
            }
            io.spindle.formats.batch.BytesVector strings =
                    new io.spindle.formats.batch.BytesVector(DataType.STRING, batch.rowCount());
            int row = 0;
            while (row < batch.rowCount()) {
                // Runs of values and of nulls, as the reader writes them.
                int start = row;
                boolean isNull = batch.column(3).isNull(row);
                while (row < batch.rowCount() && batch.column(3).isNull(row) == isNull) {
                    row++;
                }
                if (isNull) {
                    strings.setNulls(start, row);
                    continue;
                }
                int[] ids = new int[row - start];
                for (int r = start; r < row; r++) {
                    ids[r - start] = java.util.Arrays.asList(STRINGS).indexOf(batch.column(3).get(r));
                }
                assertThat(strings.setDictionaryIds(start, dictionary, ids, ids.length)).isTrue();
            }
            strings.updateNoNulls(batch.rowCount());
            if (!deferred) {
                strings.data(); // copies the entries
            }
            vectors[3] = strings;
            batches.add(new ColumnBatch(SCHEMA, vectors, batch.rowCount()));
        }
        return batches;
    }

    @Test
    void stringsStillHeldAsDictionaryIdsFilterAsCopiedStrings() throws Exception {
        List<ColumnBatch> source = batches();
        for (String constant : new String[] {"ab", "", "add_to_cart", "zz"}) {
            for (CompareOperator operator : CompareOperator.values()) {
                Expression condition = new Comparison(operator, S, Literal.of(constant));
                // Every row, then every 300th (fewer rows than dictionary entries: compared one by one).
                for (int step : new int[] {1, 300}) {
                    ColumnBatch deferred = withDictionaryStrings(source, true).get(0);
                    ColumnBatch reference = source.get(0); // the strings as the builder wrote them
                    int[] selection = java.util.stream.IntStream.range(0, reference.rowCount())
                            .filter(r -> r % step == 0).toArray();
                    List<Integer> expected = new ArrayList<>();
                    for (int r : selection) {
                        if (Boolean.TRUE.equals(ScalarEvaluator.eval(condition, reference.row(r).toArray()))) {
                            expected.add(r);
                        }
                    }
                    FilterConjunct kernel = ColumnConstantConjunct.tryCreate(condition);
                    int kept = kernel.select(deferred, selection, selection.length);
                    // The kernel compared dictionary entries: the strings were never copied.
                    assertThat(((io.spindle.formats.batch.BytesVector) deferred.column(3)).deferredDictionary())
                            .isNotNull();
                    assertThat(java.util.Arrays.stream(selection, 0, kept).boxed().toList())
                            .as(condition + " every " + step + " rows").containsExactlyElementsOf(expected);
                }
                // And through the filter operator (which also gathers the ids), whole rows against
                // the row-at-a-time reference on the builder's batches.
                List<List<Object>> expectedRows = new ArrayList<>();
                for (ColumnBatch batch : source) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        if (Boolean.TRUE.equals(ScalarEvaluator.eval(condition, batch.row(r).toArray()))) {
                            expectedRows.add(batch.row(r));
                        }
                    }
                }
                assertThat(OperatorTestSupport.run(withDictionaryStrings(source, true),
                        new FilterOperator(FilterConjunct.compile(condition), SCHEMA)))
                        .as(condition.toString()).containsExactlyElementsOf(expectedRows);
            }
        }
    }
}
