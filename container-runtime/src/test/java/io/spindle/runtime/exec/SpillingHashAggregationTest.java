package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.AggregateFunction;
import io.spindle.plan.physical.AggregateMode;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial and final aggregation over many more groups than the memory budget holds: both spill,
 * results equal a plain Java reference, every spill file is gone and all memory released at the end.
 */
class SpillingHashAggregationTest {
    private static final Schema INPUT = Schema.of(Field.of("k", DataType.STRING), Field.of("v", DataType.LONG));
    private static final List<AggregateFunction> FUNCTIONS = List.of(AggregateFunction.COUNT_STAR,
            AggregateFunction.SUM, AggregateFunction.MAX, AggregateFunction.FIRST);
    private static final long BUDGET = 256 * 1024;

    @TempDir
    Path spillDirectory;

    private static List<ColumnBatch> data() {
        SplittableRandom random = new SplittableRandom(7);
        List<ColumnBatch> batches = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            ColumnBatch.Builder builder = ColumnBatch.builder(INPUT);
            for (int r = 0; r < 2000; r++) {
                int key = random.nextInt(100_000);
                builder.appendRow(key == 0 ? null : "key-" + key, random.nextInt(20) == 0 ? null : (long) random.nextInt(1000));
            }
            batches.add(builder.build());
        }
        return batches;
    }

    private SpillingHashAggregation operator(AggregateMode mode, TaskMemoryBudget budget) {
        List<DataType> keyTypes = List.of(DataType.STRING);
        List<Field> states = new ArrayList<>(List.of(Field.of("c0", DataType.STRING)));
        List<Field> results = new ArrayList<>(List.of(Field.of("c0", DataType.STRING)));
        int[] widths = new int[FUNCTIONS.size()];
        for (int i = 0; i < widths.length; i++) {
            for (DataType type : FUNCTIONS.get(i).stateTypes(DataType.LONG)) {
                states.add(Field.of("c" + states.size(), type));
            }
            widths[i] = FUNCTIONS.get(i).stateTypes(DataType.LONG).size();
            results.add(Field.of("c" + results.size(), FUNCTIONS.get(i).resultType(DataType.LONG)));
        }
        Schema statesSchema = new Schema(states);
        Schema output = mode == AggregateMode.PARTIAL ? statesSchema : new Schema(results);
        return new SpillingHashAggregation(mode, 1, tableMode -> {
            List<VectorEvaluator> arguments = new ArrayList<>();
            List<Accumulator> accumulators = new ArrayList<>();
            for (AggregateFunction function : FUNCTIONS) {
                accumulators.add(Accumulator.create(function, DataType.LONG));
                arguments.add(new ColumnEvaluator(1, DataType.LONG));
            }
            return new HashAggregationOperator(tableMode, List.of(new ColumnEvaluator(0, DataType.STRING)), keyTypes,
                    arguments, accumulators, widths, tableMode == mode ? output : statesSchema, budget);
        }, statesSchema, budget, spillDirectory);
    }

    @Test
    void spillsAtTenTimesTheBudgetAndMatchesTheReference() throws Exception {
        List<ColumnBatch> input = data();
        TaskMemoryBudget budget = new TaskMemoryBudget(BUDGET);
        SpillingHashAggregation partial = operator(AggregateMode.PARTIAL, budget);
        SpillingHashAggregation merged = operator(AggregateMode.FINAL, budget);
        List<List<Object>> actual = OperatorTestSupport.run(input, partial, merged);

        assertThat(partial.spillCount()).isGreaterThan(1);
        assertThat(merged.spillCount()).isGreaterThan(1);
        // ~100k groups of ~150 accounted bytes each: the states are well over 10x the budget.
        assertThat(actual.size() * 150L).isGreaterThan(10 * BUDGET);
        assertThat(budget.usedBytes()).isZero();
        try (Stream<Path> left = Files.list(spillDirectory)) {
            assertThat(left).isEmpty();
        }
        Map<Object, List<Object>> comparable = new HashMap<>(); // AssertJ's any-order match is quadratic
        for (List<Object> row : actual) {
            // first() depends on arrival order: checked below
            assertThat(comparable.put(row.get(0) == null ? "<null>" : row.get(0), row.subList(0, 4))).isNull();
        }
        Map<Object, List<Object>> reference = reference(input);
        reference.replaceAll((key, row) -> row.subList(0, 4));
        assertThat(comparable).isEqualTo(reference);
        Map<Object, java.util.Set<Object>> valuesByKey = valuesByKey(input);
        for (List<Object> row : actual) {
            assertThat(valuesByKey.get(row.get(0) == null ? "<null>" : row.get(0))).contains(row.get(4));
        }
    }

    @Test
    void withinTheBudgetNothingSpills() throws Exception {
        List<ColumnBatch> input = data().subList(0, 1);
        TaskMemoryBudget budget = new TaskMemoryBudget(1L << 30);
        SpillingHashAggregation partial = operator(AggregateMode.PARTIAL, budget);
        SpillingHashAggregation merged = operator(AggregateMode.FINAL, budget);
        List<List<Object>> actual = OperatorTestSupport.run(input, partial, merged);
        assertThat(partial.spillCount()).isZero();
        assertThat(actual).hasSize(reference(input).size());
    }

    /** key → [key, count(*), sum(v), max(v)]. */
    private static Map<Object, List<Object>> reference(List<ColumnBatch> input) {
        Map<Object, List<Object>> groups = new HashMap<>();
        for (ColumnBatch batch : input) {
            for (List<Object> row : batch.toRows()) {
                Object key = row.get(0);
                List<Object> group = groups.computeIfAbsent(key == null ? "<null>" : key,
                        k -> new ArrayList<>(Arrays.asList(key, 0L, null, null, null)));
                group.set(1, (Long) group.get(1) + 1);
                Long value = (Long) row.get(1);
                if (value != null) {
                    group.set(2, group.get(2) == null ? value : (Long) group.get(2) + value);
                    group.set(3, group.get(3) == null ? value : Math.max((Long) group.get(3), value));
                }
            }
        }
        return groups;
    }

    /** Each key's values, any of which first() may return once rows are reordered. */
    private static Map<Object, java.util.Set<Object>> valuesByKey(List<ColumnBatch> input) {
        Map<Object, java.util.Set<Object>> values = new HashMap<>();
        for (ColumnBatch batch : input) {
            for (List<Object> row : batch.toRows()) {
                values.computeIfAbsent(row.get(0) == null ? "<null>" : row.get(0), k -> new java.util.HashSet<>())
                        .add(row.get(1));
            }
        }
        return values;
    }
}
