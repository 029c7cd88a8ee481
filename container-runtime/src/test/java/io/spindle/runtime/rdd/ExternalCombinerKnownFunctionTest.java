package io.spindle.runtime.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spindle.api.Tuple2;
import io.spindle.api.function.Function2;
import io.spindle.rdd.Aggregator;
import io.spindle.rdd.KnownCombine;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A combiner whose merge is a recognized function ({@code Long::sum}, {@code Integer::max},
 * {@code Double::sum}) applies it itself; its results and failures must be those of the generic
 * path (the same function written as a lambda, which is always called) and of a plain-Java HashMap:
 * overflowing sums, skewed keys, short and long string keys, spilling, combiners merged on the
 * reduce side, and null or mistyped values failing with the very exception the call throws.
 */
class ExternalCombinerKnownFunctionTest {
    @TempDir
    Path spillDirectory;

    private static <V> Aggregator<Object, V, V> reduceWith(Function2<V, V, V> function) {
        return new Aggregator<>(v -> v, function, function, false);
    }

    private <V> Map<Object, V> combine(Aggregator<Object, V, V> aggregator, List<Tuple2<Object, V>> records,
            boolean valuesAreCombiners, long budgetBytes) {
        ExternalCombiner<Object, V, V> combiner = new ExternalCombiner<>(aggregator, new TaskMemoryBudget(budgetBytes),
                spillDirectory.toString());
        for (Tuple2<Object, V> record : records) {
            combiner.insert(record._1(), record._2(), valuesAreCombiners);
        }
        Map<Object, V> result = new HashMap<>();
        combiner.result().forEachRemaining(record -> {
            assertThat(result).as("key %s twice", record._1()).doesNotContainKey(record._1());
            result.put(record._1(), record._2());
        });
        return result;
    }

    /** Zipf-like skew: a few keys take most records; short words, long words, a null key, numbers. */
    private static Object key(SplittableRandom random) {
        int rank = (int) Math.min(20_000, 1 / (random.nextDouble() + 1e-5));
        return switch (rank % 4) {
            case 0 -> "w" + rank;
            case 1 -> "a-much-longer-word-" + rank;
            case 2 -> rank == 1 ? null : "\u00e9\u0101" + rank;
            default -> (long) rank;
        };
    }

    private static <V> List<Tuple2<Object, V>> records(int count, java.util.function.Function<SplittableRandom, V> value) {
        SplittableRandom random = new SplittableRandom(17);
        List<Tuple2<Object, V>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new Tuple2<>(key(random), value.apply(random)));
        }
        return records;
    }

    private static <V> Map<Object, V> reference(List<Tuple2<Object, V>> records, BinaryOperator<V> function) {
        Map<Object, V> expected = new HashMap<>();
        for (Tuple2<Object, V> record : records) {
            expected.merge(record._1(), record._2(), function);
        }
        return expected;
    }

    private <V> void assertKnownMatchesGenericAndReference(Function2<V, V, V> known, Function2<V, V, V> generic,
            BinaryOperator<V> plainJava, List<Tuple2<Object, V>> records) {
        assertThat(KnownCombine.of(known)).isNotNull();
        assertThat(KnownCombine.of(generic)).isNull();
        Map<Object, V> expected = reference(records, plainJava);
        for (long budget : new long[] {1L << 30, 1L << 20}) {
            for (boolean valuesAreCombiners : new boolean[] {false, true}) {
                assertThat(combine(reduceWith(known), records, valuesAreCombiners, budget)).isEqualTo(expected);
                assertThat(combine(reduceWith(generic), records, valuesAreCombiners, budget)).isEqualTo(expected);
            }
        }
    }

    @Test
    void longSumMaxAndMinMatchTheGenericPathIncludingOverflow() {
        List<Tuple2<Object, Long>> small = records(200_000, random -> random.nextLong(0, 1000));
        List<Tuple2<Object, Long>> overflowing = records(50_000, random -> random.nextLong());
        for (List<Tuple2<Object, Long>> records : List.of(small, overflowing)) {
            assertKnownMatchesGenericAndReference(Long::sum, (a, b) -> a + b, Long::sum, records);
            assertKnownMatchesGenericAndReference(Math::max, (a, b) -> a >= b ? a : b, Math::max, records);
            assertKnownMatchesGenericAndReference(Long::min, (a, b) -> a <= b ? a : b, Math::min, records);
        }
    }

    @Test
    void intAndDoubleFunctionsMatchTheGenericPath() {
        List<Tuple2<Object, Integer>> ints = records(100_000, random -> random.nextInt());
        assertKnownMatchesGenericAndReference(Integer::sum, (a, b) -> a + b, Integer::sum, ints);
        assertKnownMatchesGenericAndReference(Integer::max, (a, b) -> Math.max(a, b), Math::max, ints);
        // Eighths sum exactly in any order, so spilling (which merges partial sums) cannot change them.
        List<Tuple2<Object, Double>> doubles = records(100_000,
                random -> random.nextInt(50) == 0 ? -0.0 : random.nextInt(-1000, 1000) / 8.0);
        assertKnownMatchesGenericAndReference(Double::sum, (a, b) -> a + b, Double::sum, doubles);
        assertKnownMatchesGenericAndReference(Math::min, (a, b) -> Math.min(a, b), Math::min, doubles);
    }

    /** What inserting {@code records} throws, or null. */
    private <V> Throwable failure(Function2<V, V, V> function, List<Tuple2<Object, V>> records) {
        return catchThrowable(() -> combine(reduceWith(function), records, false, 1L << 30));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void nullAndMistypedValuesFailExactlyAsTheCallDoes() throws Exception {
        Function2<Long, Long, Long> longSum = Long::sum;
        Throwable callOnNull = catchThrowable(() -> longSum.call(5L, null));
        Throwable callOnNullCombiner = catchThrowable(() -> longSum.call(null, 5L));
        assertThat(callOnNull).isInstanceOf(NullPointerException.class);

        Throwable nullValue = failure(longSum, List.of(new Tuple2<>("k", 5L), new Tuple2<>("k", null)));
        assertThat(nullValue).isInstanceOf(callOnNull.getClass()).hasMessage(callOnNull.getMessage());
        Throwable nullFirstValue = failure(longSum, List.of(new Tuple2<>("k", null), new Tuple2<>("k", 5L)));
        assertThat(nullFirstValue).isInstanceOf(callOnNullCombiner.getClass())
                .hasMessage(callOnNullCombiner.getMessage());

        // A key whose only value is null keeps it: the function is never called for it.
        Map<Object, Long> onlyNull = new HashMap<>();
        onlyNull.put("k", null);
        onlyNull.put("j", 1L);
        assertThat(combine(reduceWith(longSum), List.of(new Tuple2<>("k", null), new Tuple2<>("j", 1L)), false,
                1L << 30)).isEqualTo(onlyNull);

        // An Integer smuggled into a Long Rdd (heap pollution) fails as the call fails on it.
        Function2 raw = longSum;
        Throwable callOnInteger = catchThrowable(() -> raw.call(5L, 7));
        assertThat(callOnInteger).isInstanceOf(ClassCastException.class);
        Throwable mistyped = failure(raw, List.of(new Tuple2<>("k", 5L), new Tuple2<>("k", 7)));
        assertThat(mistyped).isInstanceOf(ClassCastException.class).hasMessage(callOnInteger.getMessage());

        Function2<Integer, Integer, Integer> intSum = Integer::sum;
        Throwable intCallOnNull = catchThrowable(() -> intSum.call(1, null));
        assertThat(failure(intSum, List.of(new Tuple2<>("k", 1), new Tuple2<>("k", null))))
                .isInstanceOf(NullPointerException.class).hasMessage(intCallOnNull.getMessage());
    }
}
