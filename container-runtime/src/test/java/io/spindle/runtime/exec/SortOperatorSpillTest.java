package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external sort at ten times its memory budget: spills runs, merges them, and matches an in-memory sort. */
class SortOperatorSpillTest {
    private static final Schema SCHEMA = Schema.of(Field.of("c0", DataType.LONG), Field.of("c1", DataType.STRING));

    @TempDir
    Path spill;

    @Test
    void sortsTenTimesItsBudgetWithSpillsAndNullsFirst() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<ColumnBatch> input = new ArrayList<>();
        List<List<Object>> all = new ArrayList<>();
        for (int b = 0; b < 50; b++) {
            ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
            for (int r = 0; r < 1000; r++) {
                Long key = random.nextInt(20) == 0 ? null : random.nextLong(1_000_000);
                builder.appendRow(key, "v" + random.nextInt(1000));
            }
            ColumnBatch batch = builder.build();
            input.add(batch);
            all.addAll(batch.toRows());
        }
        long inputBytes = input.stream().mapToLong(Vectors::estimateBytes).sum();
        TaskMemoryBudget budget = new TaskMemoryBudget(inputBytes / 10);
        SortOperator sort = new SortOperator(List.of(new ColumnEvaluator(0, DataType.LONG),
                new ColumnEvaluator(1, DataType.STRING)), new boolean[] {true, false}, new boolean[] {true, false},
                SCHEMA, budget, spill, 4096);

        List<List<Object>> sorted = OperatorTestSupport.run(input, sort);

        all.sort(Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(0),
                Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(row -> (String) row.get(1), Comparator.reverseOrder()));
        assertThat(sort.spillCount()).isGreaterThanOrEqualTo(9);
        assertThat(sorted).containsExactlyElementsOf(all);
        assertThat(budget.usedBytes()).isZero();
        try (var files = Files.list(spill)) {
            assertThat(files).isEmpty(); // runs deleted at close
        }
    }
}
