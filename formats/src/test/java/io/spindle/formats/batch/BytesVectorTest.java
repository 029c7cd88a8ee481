package io.spindle.formats.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rows written as dictionary ids read back as the same strings as rows whose bytes were copied:
 * through every accessor, with nulls and skipped rows between them, rows set after them, growth
 * and reuse.
 */
class BytesVectorTest {
    private static final String[] ENTRIES = {"view", "add_to_cart", "", "purchase", "é-ü"};

    private static BytesVector dictionary(String... entries) {
        BytesVector dictionary = new BytesVector(DataType.STRING, entries.length);
        for (int e = 0; e < entries.length; e++) {
            dictionary.set(e, entries[e].getBytes(StandardCharsets.UTF_8));
        }
        return dictionary;
    }

    @Test
    void deferredRowsReadBackAsTheCopiedOnes() {
        SplittableRandom random = new SplittableRandom(11);
        BytesVector entries = dictionary(ENTRIES);
        for (int round = 0; round < 50; round++) {
            int rows = random.nextInt(1, 300);
            BytesVector deferred = new BytesVector(DataType.STRING, 8);
            deferred.ensureCapacity(rows);
            List<String> expected = new ArrayList<>();
            int row = 0;
            while (row < rows) {
                int run = Math.min(rows - row, random.nextInt(1, 40));
                if (random.nextInt(4) == 0) {
                    deferred.setNulls(row, row + run);
                    for (int r = 0; r < run; r++) {
                        expected.add(null);
                    }
                } else {
                    int[] ids = random.ints(run, 0, ENTRIES.length).toArray();
                    assertThat(deferred.setDictionaryIds(row, entries, ids, run)).isTrue();
                    for (int id : ids) {
                        expected.add(ENTRIES[id]);
                    }
                }
                row += run;
            }
            boolean anyValues = expected.stream().anyMatch(value -> value != null);
            assertThat(deferred.deferredDictionary()).isSameAs(anyValues ? entries : null);
            deferred.updateNoNulls(rows);

            List<String> actual = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                actual.add(deferred.isNull(r) ? null : deferred.getString(r));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(deferred.deferredDictionary()).isNull();
            for (int r = 0; r < rows; r++) {
                String value = expected.get(r) == null ? "" : expected.get(r);
                assertThat(Arrays.copyOfRange(deferred.data(), deferred.offsets()[r], deferred.offsets()[r + 1]))
                        .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void rowsSetAfterDeferredOnesFollowThemAndReuseStartsOver() {
        BytesVector entries = dictionary(ENTRIES);
        BytesVector vector = new BytesVector(DataType.STRING, 16);
        assertThat(vector.setDictionaryIds(0, entries, new int[] {1, 3}, 2)).isTrue();
        vector.set(4, "late".getBytes(StandardCharsets.UTF_8)); // rows 2 and 3 are left empty

        assertThat(List.of(vector.getString(0), vector.getString(1), vector.getString(2), vector.getString(3),
                vector.getString(4))).containsExactly("add_to_cart", "purchase", "", "", "late");

        vector.reset();
        assertThat(vector.deferredDictionary()).isNull();
        assertThat(vector.setDictionaryIds(0, entries, new int[] {0}, 1)).isTrue();
        assertThat(vector.getString(0)).isEqualTo("view");
    }

    @Test
    void onlyTheNextRowsOfOneDictionaryStayDeferred() {
        BytesVector entries = dictionary(ENTRIES);
        BytesVector other = dictionary("x", "y");
        BytesVector vector = new BytesVector(DataType.STRING, 16);
        assertThat(vector.setDictionaryIds(0, entries, new int[] {0, 1}, 2)).isTrue();
        // Another dictionary (the next row group's), or a row out of order: the caller copies.
        assertThat(vector.setDictionaryIds(2, other, new int[] {0}, 1)).isFalse();
        assertThat(vector.setDictionaryIds(5, entries, new int[] {0}, 1)).isFalse();
        assertThat(vector.setDictionaryIds(2, entries, new int[] {4}, 1)).isTrue();

        BytesVector copied = new BytesVector(DataType.STRING, 16);
        copied.set(0, "p".getBytes(StandardCharsets.UTF_8));
        // Rows already copied are never mixed with deferred ones.
        assertThat(copied.setDictionaryIds(1, entries, new int[] {0}, 1)).isFalse();
        assertThat(List.of(vector.getString(0), vector.getString(1), vector.getString(2)))
                .containsExactly("view", "add_to_cart", "é-ü");
    }

    @Test
    void deferredRowsSurviveGrowthAndIdsNamingNoEntryAreRefused() {
        BytesVector entries = dictionary(ENTRIES);
        BytesVector vector = new BytesVector(DataType.STRING, 2);
        assertThat(vector.setDictionaryIds(0, entries, new int[] {3, 0}, 2)).isTrue();
        vector.ensureCapacity(64);
        assertThat(vector.setDictionaryIds(2, entries, new int[] {1}, 1)).isTrue();
        assertThat(List.of(vector.getString(0), vector.getString(1), vector.getString(2)))
                .containsExactly("purchase", "view", "add_to_cart");

        // An id that names no entry is refused (the reader's copy then reports a corrupt page); -1
        // is an empty row.
        BytesVector fresh = new BytesVector(DataType.STRING, 4);
        assertThat(fresh.setDictionaryIds(0, entries, new int[] {0, ENTRIES.length}, 2)).isFalse();
        assertThat(fresh.setDictionaryIds(0, entries, new int[] {-2}, 1)).isFalse();
        assertThat(fresh.deferredDictionary()).isNull();
        assertThat(fresh.setDictionaryIds(0, entries, new int[] {-1, 0}, 2)).isTrue();
        assertThat(List.of(fresh.getString(0), fresh.getString(1))).containsExactly("", "view");
    }
}
