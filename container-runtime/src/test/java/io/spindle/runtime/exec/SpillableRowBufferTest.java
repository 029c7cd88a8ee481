package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget-charged row buffer against a plain Java list of the same rows. */
class SpillableRowBufferTest {
    private static final Schema SCHEMA = Schema.of(Field.of("n", DataType.LONG), Field.of("s", DataType.STRING));

    @TempDir
    Path spillDirectory;

    /** A batch of rows from..from+count: n, with every 5th NULL, and its text. */
    private static ColumnBatch batch(int from, int count, List<List<Object>> expected) {
        ColumnBatch batch = ColumnBatch.allocate(SCHEMA, count);
        LongVector numbers = (LongVector) batch.column(0);
        BytesVector texts = (BytesVector) batch.column(1);
        for (int i = 0; i < count; i++) {
            long n = from + i;
            String text = "row-" + n;
            texts.set(i, text.getBytes(StandardCharsets.UTF_8));
            if (n % 5 == 0) {
                numbers.setNull(i);
            } else {
                numbers.values()[i] = n;
            }
            expected.add(Arrays.asList(n % 5 == 0 ? null : n, text));
        }
        batch.setRowCount(count);
        return batch;
    }

    private static List<List<Object>> readAll(SpillableRowBuffer buffer) {
        List<List<Object>> rows = new ArrayList<>();
        buffer.rewind();
        for (ColumnBatch chunk = buffer.next(); chunk != null; chunk = buffer.next()) {
            rows.addAll(chunk.toRows());
        }
        return rows;
    }

    @Test
    void rowsOverTenTimesTheBudgetSpillAndReadBackInOrderAsOftenAsAsked() throws Exception {
        TaskMemoryBudget budget = new TaskMemoryBudget(16 << 10);
        List<List<Object>> expected = new ArrayList<>();
        try (SpillableRowBuffer buffer = new SpillableRowBuffer(SCHEMA, budget, spillDirectory, 1000, "test rows")) {
            for (int from = 0; from < 20_000; from += 700) { // ~20k rows of ~18 bytes: over 20x the budget
                ColumnBatch input = batch(from, Math.min(700, 20_000 - from), expected);
                buffer.append(input, Vectors.identity(input.rowCount()), 0, input.rowCount());
                assertThat(budget.usedBytes()).isLessThanOrEqualTo(budget.limitBytes() + 40_000); // one open chunk over
            }
            assertThat(buffer.rowCount()).isEqualTo(20_000);
            assertThat(readAll(buffer)).isEqualTo(expected);
            assertThat(readAll(buffer)).as("read a second time").isEqualTo(expected);
            assertThat(buffer.spilledChunks()).isGreaterThan(10);
            buffer.clear();
            assertThat(budget.usedBytes()).isZero();
            try (var files = Files.list(spillDirectory)) {
                assertThat(files).as("the spill file is gone once cleared").isEmpty();
            }
            List<List<Object>> small = new ArrayList<>();
            ColumnBatch input = batch(0, 10, small);
            buffer.append(input, Vectors.identity(10), 0, 10);
            assertThat(readAll(buffer)).isEqualTo(small);
            assertThat(buffer.spilledChunks()).as("a refilled buffer within the budget stays in memory").isZero();
        }
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void anEmptyBufferReadsNothing() {
        TaskMemoryBudget budget = new TaskMemoryBudget(1 << 10);
        try (SpillableRowBuffer buffer = new SpillableRowBuffer(SCHEMA, budget, spillDirectory, 100, "test rows")) {
            assertThat(readAll(buffer)).isEmpty();
        }
        assertThat(budget.usedBytes()).isZero();
    }
}
