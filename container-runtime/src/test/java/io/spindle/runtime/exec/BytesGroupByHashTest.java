package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * String-key grouping, where short keys take the packed path and long ones the byte path (in the
 * same batch and across batches): every row gets the group of its key, groups are numbered in
 * order of first appearance, and writeKeys gives back each group's key, as a plain Java map does.
 */
class BytesGroupByHashTest {
    private static final Schema KEYS = Schema.of(Field.of("a", DataType.STRING), Field.of("b", DataType.STRING));

    @Test
    void shortAndLongStringKeysGroupLikeAJavaMap() {
        SplittableRandom random = new SplittableRandom(3);
        String[] values = {null, "", "A", "N", "R", "F", "O", "ab", "abc", "abcd", "abcdef", "abcdefg", "\u00e9t\u00e9",
                "abcdefghijk", "ab\u0000", "\u0000", "a\u0000"};
        GroupByHash hash = GroupByHash.create(List.of(DataType.STRING, DataType.STRING));
        Map<List<String>, Integer> reference = new HashMap<>();
        List<List<String>> referenceKeys = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            boolean onlyShort = batch % 3 == 0; // whole batches on the packed path, others mixed
            ColumnBatch.Builder builder = ColumnBatch.builder(KEYS);
            List<List<String>> rows = new ArrayList<>();
            int count = 1 + random.nextInt(700);
            for (int r = 0; r < count; r++) {
                int limit = onlyShort ? 11 : values.length;
                String a = values[random.nextInt(limit)];
                String b = values[random.nextInt(limit)];
                builder.appendRow(a, b);
                rows.add(Arrays.asList(a, b));
            }
            ColumnBatch keys = builder.build();
            int[] ids = hash.groupIds(new ColumnVector[] {keys.column(0), keys.column(1)}, count);
            for (int r = 0; r < count; r++) {
                Integer expected = reference.get(rows.get(r));
                if (expected == null) {
                    expected = referenceKeys.size();
                    reference.put(rows.get(r), expected);
                    referenceKeys.add(rows.get(r));
                }
                assertThat(ids[r]).as("row %d of batch %d, key %s", r, batch, rows.get(r)).isEqualTo(expected);
            }
        }
        assertThat(hash.groupCount()).isEqualTo(referenceKeys.size());
        ColumnBatch out = ColumnBatch.allocate(KEYS, hash.groupCount());
        hash.writeKeys(0, hash.groupCount(), new ColumnVector[] {out.column(0), out.column(1)});
        for (int group = 0; group < hash.groupCount(); group++) {
            assertThat(Arrays.asList(out.column(0).get(group), out.column(1).get(group))).as("group %d", group)
                    .isEqualTo(referenceKeys.get(group));
        }
    }
}
