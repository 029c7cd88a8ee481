package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Partial then final aggregation against a plain Java reference, for long keys and string keys with NULLs. */
class HashAggregationOperatorTest {
    private static final Schema INPUT = Schema.of(Field.of("c0", DataType.LONG), Field.of("c1", DataType.STRING),
            Field.of("c2", DataType.decimal(12, 2)));
    private static final List<AggregateFunction> FUNCTIONS = List.of(AggregateFunction.COUNT_STAR,
            AggregateFunction.SUM, AggregateFunction.MIN, AggregateFunction.MAX, AggregateFunction.AVG);

    private static List<ColumnBatch> data(int batches) {
        SplittableRandom random = new SplittableRandom(1);
        List<ColumnBatch> result = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            ColumnBatch.Builder builder = ColumnBatch.builder(INPUT);
            for (int r = 0; r < 1000; r++) {
                int key = random.nextInt(50);
                builder.appendRow(key == 0 ? null : (long) key, key == 1 ? null : "s" + (key % 13),
                        random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong(-10_000, 1_000_000), 2));
            }
            result.add(builder.build());
        }
        return result;
    }

    private static List<List<Object>> aggregate(int keyColumn, List<ColumnBatch> input) throws Exception {
        DataType keyType = INPUT.field(keyColumn).type();
        DataType valueType = INPUT.field(2).type();
        List<DataType> partialTypes = new ArrayList<>(List.of(keyType));
        List<Accumulator> partial = new ArrayList<>();
        List<Accumulator> merged = new ArrayList<>();
        List<VectorEvaluator> arguments = new ArrayList<>();
        int[] widths = new int[FUNCTIONS.size()];
        List<DataType> resultTypes = new ArrayList<>(List.of(keyType));
        for (int i = 0; i < widths.length; i++) {
            AggregateFunction function = FUNCTIONS.get(i);
            partial.add(Accumulator.create(function, valueType));
            merged.add(Accumulator.create(function, valueType));
            arguments.add(new ColumnEvaluator(2, valueType));
            widths[i] = function.stateTypes(valueType).size();
            partialTypes.addAll(function.stateTypes(valueType));
            resultTypes.add(function.resultType(valueType));
        }
        TaskMemoryBudget budget = new TaskMemoryBudget(1 << 30);
        Operator partialAggregation = new HashAggregationOperator(AggregateMode.PARTIAL,
                List.of(new ColumnEvaluator(keyColumn, keyType)), List.of(keyType), arguments, partial, widths,
                positional(partialTypes), budget);
        Operator finalAggregation = new HashAggregationOperator(AggregateMode.FINAL,
                List.of(new ColumnEvaluator(0, keyType)), List.of(keyType), null, merged, widths,
                positional(resultTypes), budget);
        List<List<Object>> rows = OperatorTestSupport.run(input, partialAggregation, finalAggregation);
        assertThat(budget.usedBytes()).isZero(); // released at close
        return rows;
    }

    private static Schema positional(List<DataType> types) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            fields.add(Field.of("c" + i, types.get(i)));
        }
        return new Schema(fields);
    }

    /** count(*), sum, min, max, avg (half up to scale 6) of column 2 per key, computed naively. */
    private static List<List<Object>> reference(int keyColumn, List<ColumnBatch> input) {
        Map<Object, List<BigDecimal>> groups = new HashMap<>();
        Map<Object, Long> counts = new HashMap<>();
        for (ColumnBatch batch : input) {
            for (List<Object> row : batch.toRows()) {
                Object key = row.get(keyColumn);
                counts.merge(key == null ? "<null>" : key, 1L, Long::sum);
                List<BigDecimal> values = groups.computeIfAbsent(key == null ? "<null>" : key, k -> new ArrayList<>());
                if (row.get(2) != null) {
                    values.add((BigDecimal) row.get(2));
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((key, values) -> {
            BigDecimal sum = values.stream().reduce(BigDecimal::add).orElse(null);
            rows.add(Arrays.asList(key.equals("<null>") ? null : key, counts.get(key), sum,
                    values.stream().min(BigDecimal::compareTo).orElse(null),
                    values.stream().max(BigDecimal::compareTo).orElse(null),
                    sum == null ? null : sum.divide(BigDecimal.valueOf(values.size()), 6, java.math.RoundingMode.HALF_UP)));
        });
        return rows;
    }

    @Test
    void longKeysMatchTheReference() throws Exception {
        List<ColumnBatch> input = data(20);
        assertThat(aggregate(0, input)).containsExactlyInAnyOrderElementsOf(reference(0, input));
    }

    @Test
    void stringKeysWithNullsMatchTheReference() throws Exception {
        List<ColumnBatch> input = data(20);
        assertThat(aggregate(1, input)).containsExactlyInAnyOrderElementsOf(reference(1, input));
    }

    @Test
    void noInputGivesNoGroups() throws Exception {
        assertThat(aggregate(0, List.of())).isEmpty();
        assertThat(Objects.requireNonNull(reference(0, List.of()))).isEmpty();
    }
}
