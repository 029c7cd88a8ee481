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
}
