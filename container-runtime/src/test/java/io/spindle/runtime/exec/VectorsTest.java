package io.spindle.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.BytesVector;
import io.spindle.formats.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Gathering rows of a string column still held as dictionary ids gives the rows a copied column
 * gives: into an empty target (which keeps them as ids), after rows of another dictionary and
 * after copied rows (which copy the picked entries), with nulls.
 */
class VectorsTest {

    private static BytesVector dictionary(String... entries) {
        BytesVector dictionary = new BytesVector(DataType.STRING, entries.length);
        for (int e = 0; e < entries.length; e++) {
            dictionary.set(e, entries[e].getBytes(StandardCharsets.UTF_8));
        }
        return dictionary;
    }

    /** A column of {@code rows} rows as ids into {@code dictionary}, every fifth row null. */
    private static BytesVector deferred(BytesVector dictionary, int entries, int rows, SplittableRandom random) {
        BytesVector column = new BytesVector(DataType.STRING, rows);
        for (int row = 0; row < rows; row++) {
            if (row % 5 == 4) {
                column.setNulls(row, row + 1);
            } else {
                column.setDictionaryIds(row, dictionary, new int[] {random.nextInt(entries)}, 1);
            }
        }
        column.updateNoNulls(rows);
        return column;
    }

    private static List<String> strings(BytesVector column, int rows) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            values.add(column.isNull(row) ? null : column.getString(row));
        }
        return values;
    }

    @Test
    void gatheredDictionaryRowsEqualGatheredCopiedRows() {
        SplittableRandom random = new SplittableRandom(3);
        BytesVector first = dictionary("view", "add_to_cart", "purchase");
        BytesVector second = dictionary("x", "", "yz");
        BytesVector a = deferred(first, 3, 40, random);
        BytesVector b = deferred(second, 3, 40, random);
        List<String> expectedA = strings(deferred(first, 3, 40, new SplittableRandom(3)), 40);
        int[] picks = random.ints(25, 0, 40).toArray();

        // Into an empty target: it takes the ids, nothing is copied.
        BytesVector target = new BytesVector(DataType.STRING, 4);
        Vectors.gather(a, picks, 0, 25, target, 0);
        assertThat(target.deferredDictionary()).isSameAs(first);
        assertThat(a.deferredDictionary()).isSameAs(first);
        // Then rows of another dictionary after them: those are copied.
        Vectors.gather(b, picks, 0, 10, target, 25);
        // And into a target that already holds copied rows.
        BytesVector copied = new BytesVector(DataType.STRING, 4);
        copied.set(0, "p".getBytes(StandardCharsets.UTF_8));
        Vectors.gather(a, picks, 5, 20, copied, 1);

        List<String> valuesA = strings(a, 40);
        List<String> valuesB = strings(b, 40);
        assertThat(valuesA).isEqualTo(expectedA);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(valuesA.get(picks[i]));
        }
        for (int i = 0; i < 10; i++) {
            expected.add(valuesB.get(picks[i]));
        }
        assertThat(strings(target, 35)).isEqualTo(expected);
        List<String> expectedCopied = new ArrayList<>(List.of("p"));
        for (int i = 5; i < 25; i++) {
            expectedCopied.add(valuesA.get(picks[i]));
        }
        assertThat(strings(copied, 21)).isEqualTo(expectedCopied);
    }

    @Test
    void aRowSetNullAfterItWasWrittenGathersAsAnEmptyNullRow() {
        BytesVector entries = dictionary("view", "add_to_cart");
        BytesVector source = new BytesVector(DataType.STRING, 4);
        source.setDictionaryIds(0, entries, new int[] {1, 0, 1}, 3);
        source.setNull(1);

        BytesVector target = new BytesVector(DataType.STRING, 4);
        Vectors.gather(source, new int[] {0, 1, 2}, 0, 3, target, 0);

        assertThat(strings(target, 3)).containsExactly("add_to_cart", null, "add_to_cart");
        assertThat(target.length(1)).isZero();
    }
}
