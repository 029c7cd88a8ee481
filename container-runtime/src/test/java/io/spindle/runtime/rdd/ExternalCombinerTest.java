package io.spindle.runtime.rdd;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Tuple2;
import io.spindle.rdd.Aggregator;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combiner's table against a plain-Java HashMap: a null key, null combiners, keys whose hash
 * codes collide, enough keys to grow the table many times, with and without spilling.
 */
class ExternalCombinerTest {
    @TempDir
    Path spillDirectory;

    /** Keys whose hash codes are all equal, so every lookup probes past others. */
    private record Colliding(int id) implements java.io.Serializable {
        @Override
        public int hashCode() {
            return 42;
        }
    }

    private static Object key(SplittableRandom random) {
        int choice = random.nextInt(100);
        if (choice == 0) {
            return null;
        }
        if (choice < 5) {
            return new Colliding(random.nextInt(20));
        }
        return "k" + random.nextInt(30_000);
    }

    private void assertMatchesHashMap(long budgetBytes) {
        // The sum modulo 7, with null for 0: associative and commutative, and often null.
        Aggregator<Object, Long, Long> aggregator = new Aggregator<>(v -> modulo(0L, v), ExternalCombinerTest::modulo,
                ExternalCombinerTest::modulo, false);
        ExternalCombiner<Object, Long, Long> combiner = new ExternalCombiner<>(aggregator,
                new TaskMemoryBudget(budgetBytes), spillDirectory.toString());
        Map<Object, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            Object key = key(random);
            long value = random.nextLong(1, 9);
            combiner.insert(key, value, false);
            expected.put(key, expected.containsKey(key) ? aggregator.merge(expected.get(key), value)
                    : aggregator.create(value));
        }
        Map<Object, Long> actual = new HashMap<>();
        for (Iterator<Tuple2<Object, Long>> result = combiner.result(); result.hasNext(); ) {
            Tuple2<Object, Long> record = result.next();
            assertThat(actual).as("key %s twice", record._1()).doesNotContainKey(record._1());
            actual.put(record._1(), record._2());
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static Long modulo(Long left, Long right) {
        long sum = ((left == null ? 0 : left) + (right == null ? 0 : right)) % 7;
        return sum == 0 ? null : sum;
    }

    @Test
    void combinesLikeAHashMapInMemory() {
        assertMatchesHashMap(1L << 30);
    }

    @Test
    void combinesLikeAHashMapWhenSpilling() {
        assertMatchesHashMap(1L << 20);
    }

    /**
     * A combiner held unboxed goes through the user function exactly like a boxed one: an
     * order-sensitive function (hash-style, overflowing), called once per value in input order,
     * whose result turns from a Long into a String and back for some keys, matches a HashMap.
     */
    @Test
    void unboxedLongCombinersCallTheUserFunctionOncePerValueInOrder() {
        long[] calls = {0};
        Aggregator<String, Long, Object> aggregator = new Aggregator<>(v -> v, (combiner, v) -> {
            calls[0]++;
            long previous = combiner instanceof Long number ? number : Long.parseLong(((String) combiner).substring(1));
            long next = previous * 31 + v;
            return next % 5 == 0 ? "s" + next : Long.valueOf(next);
        }, (left, right) -> {
            throw new AssertionError("no combiners are merged in memory");
        }, false);
        ExternalCombiner<String, Long, Object> combiner = new ExternalCombiner<>(aggregator,
                new TaskMemoryBudget(1L << 30), spillDirectory.toString());
        Map<String, Object> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        long values = 0;
        for (int i = 0; i < 100_000; i++) {
            String key = "w" + random.nextInt(5_000);
            long value = random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE);
            combiner.insert(key, value, false);
            expected.put(key, expected.containsKey(key) ? aggregator.merge(expected.get(key), value)
                    : aggregator.create(value));
            values++;
        }
        Map<String, Object> actual = new HashMap<>();
        combiner.result().forEachRemaining(record -> actual.put(record._1(), record._2()));
        assertThat(actual).isEqualTo(expected);
        // Every value after a key's first went through the function twice: once here, once for the reference.
        assertThat(calls[0]).isEqualTo(2 * (values - expected.size()));
    }

    @Test
    void combineTableFindsEveryKeyAfterGrowingWithCollidingHashes() {
        CombineTable<Object, Object> table = new CombineTable<>(2);
        Map<Object, Object> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            Object key = i % 3 == 0 ? new Colliding(i) : i == 1 ? null : "k" + i;
            Object value = i % 4 == 0 ? Long.valueOf(-i) : i % 4 == 1 ? null : "v" + i;
            int slot = table.find(key);
            assertThat(slot).isNegative();
            table.insertAt(-slot - 1, key, value);
            expected.put(key, value);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        for (Map.Entry<Object, Object> entry : expected.entrySet()) {
            int slot = table.find(entry.getKey());
            assertThat(slot).as("slot of %s", entry.getKey()).isNotNegative();
            assertThat(table.valueAt(slot)).isEqualTo(entry.getValue());
            assertThat(table.holdsLong(slot)).isEqualTo(entry.getValue() instanceof Long);
        }
        assertThat(table.find(new Colliding(-1))).isNegative();
        Map<Object, Object> visited = new HashMap<>();
        table.forEach(visited::put);
        assertThat(visited).isEqualTo(expected);
    }

    /**
     * Short Latin-1 strings are held packed in their slot and compared without their hashCode:
     * every length around the packing limit, NUL and 0xFF chars (so "" and "\0" and "\0\0"
     * differ), chars past Latin-1 (never packed), beside null and colliding non-string keys.
     */
    @Test
    void combineTableTellsPackedShortStringsApartFromEachOtherAndFromOtherKeys() {
        char[] alphabet = {'a', 'b', '\0', '\u00ff', '\u00e9', '\u0100', '\u4e2d'};
        SplittableRandom random = new SplittableRandom(23);
        CombineTable<Object, Object> table = new CombineTable<>(4);
        Map<Object, Long> expected = new HashMap<>();
        for (int i = 0; i < 60_000; i++) {
            Object key;
            if (i % 50 == 0) {
                key = i % 100 == 0 ? null : new Colliding(i % 7);
            } else {
                StringBuilder word = new StringBuilder();
                int length = random.nextInt(11);
                for (int c = 0; c < length; c++) {
                    // Mostly Latin-1, so many keys pack; a few not.
                    word.append(alphabet[random.nextInt(random.nextInt(10) == 0 ? alphabet.length : 5)]);
                }
                key = word.toString();
            }
            long value = random.nextLong();
            int slot = table.find(key);
            if (slot < 0) {
                table.insertAt(-slot - 1, key, value);
            } else {
                table.setLongAt(slot, table.longAt(slot) + value);
            }
            expected.merge(key, value, Long::sum);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        Map<Object, Object> visited = new HashMap<>();
        table.forEach(visited::put);
        assertThat(visited).isEqualTo(expected);
        assertThat(CombineTable.pack("")).isNotEqualTo(CombineTable.pack("\0")).isNotZero();
        assertThat(CombineTable.pack("abcdefg")).isNotZero();
        assertThat(CombineTable.pack("abcdefgh")).isZero();
        assertThat(CombineTable.pack("\u0100")).isZero();
    }
}
