package io.spindle.runtime.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spindle.api.PairRdd;
import io.spindle.api.Tuple2;
import io.spindle.api.function.Function2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * reduceByKey and aggregateByKey with merge functions the combiner applies itself (Long::sum,
 * Math::max, Integer::sum, Double::min), through the whole job (map-side combine, shuffle, reduce-side
 * merge of combiners), against plain Java: skewed words, more partitions than records, sums that
 * overflow, a budget small enough to spill, and a null value failing the job as the call fails.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RddReduceByKnownFunctionTest extends RddTestBase {
    /** Words with a skewed (1/rank) distribution: short, long and non-Latin-1 ones. */
    private static List<Tuple2<String, Long>> skewedWords(int count, boolean overflowing) {
        SplittableRandom random = new SplittableRandom(31);
        List<Tuple2<String, Long>> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int rank = (int) Math.min(5_000, 1 / (random.nextDouble() + 2e-4));
            String word = switch (rank % 3) {
                case 0 -> "w" + rank;
                case 1 -> "a-rather-long-word-" + rank;
                default -> "\u4e2d" + rank;
            };
            pairs.add(new Tuple2<>(word, overflowing ? random.nextLong() : random.nextLong(-5, 100)));
        }
        return pairs;
    }

    private static <K, V> Map<K, V> reference(List<Tuple2<K, V>> pairs, BinaryOperator<V> function) {
        Map<K, V> expected = new HashMap<>();
        pairs.forEach(pair -> expected.merge(pair._1(), pair._2(), function));
        return expected;
    }

    private <V> Map<String, V> reduce(List<Tuple2<String, V>> pairs, int slices, Function2<V, V, V> function) {
        PairRdd<String, V> reduced = context.parallelize(pairs, slices).mapToPair(pair -> pair)
                .reduceByKey(function, 3);
        List<Tuple2<String, V>> result = reduced.collect();
        Map<String, V> asMap = reduced.collectAsMap();
        assertThat(result).hasSize(asMap.size()); // every key once
        return asMap;
    }

    @Test
    void longFunctionsMatchPlainJavaIncludingOverflowAndEmptyPartitions() {
        for (boolean overflowing : new boolean[] {false, true}) {
            List<Tuple2<String, Long>> pairs = skewedWords(40_000, overflowing);
            assertThat(reduce(pairs, 7, Long::sum)).isEqualTo(reference(pairs, Long::sum));
            assertThat(reduce(pairs, 7, Math::max)).isEqualTo(reference(pairs, Math::max));
            assertThat(reduce(pairs, 7, Long::min)).isEqualTo(reference(pairs, Math::min));
        }
        List<Tuple2<String, Long>> few = skewedWords(5, false);
        assertThat(reduce(few, 16, Long::sum)).isEqualTo(reference(few, Long::sum));
    }

    @Test
    void longSumSpillsAndMatchesPlainJava() {
        support.memoryBudgetBytes = 1L << 20;
        SplittableRandom random = new SplittableRandom(37);
        List<Tuple2<String, Long>> pairs = new ArrayList<>();
        for (int i = 0; i < 120_000; i++) {
            int key = random.nextInt(60_000);
            pairs.add(new Tuple2<>(key % 2 == 0 ? "k" + key : "a-long-key-" + key, random.nextLong()));
        }
        long spillsBefore = SpillMetrics.spilledRuns();
        assertThat(reduce(pairs, 2, Long::sum)).isEqualTo(reference(pairs, Long::sum));
        assertThat(SpillMetrics.spilledRuns()).as("spill runs written").isGreaterThan(spillsBefore);
    }

    @Test
    void intAndDoubleFunctionsAndAggregateByKeyMatchPlainJava() {
        List<Tuple2<String, Long>> words = skewedWords(30_000, false);
        List<Tuple2<String, Integer>> ints = words.stream().map(p -> new Tuple2<>(p._1(), p._2().intValue() * 40_000_000))
                .toList();
        assertThat(reduce(ints, 5, Integer::sum)).isEqualTo(reference(ints, Integer::sum));
        List<Tuple2<String, Double>> doubles = words.stream().map(p -> new Tuple2<>(p._1(), p._2() / 4.0)).toList();
        assertThat(reduce(doubles, 5, Double::min)).isEqualTo(reference(doubles, Math::min));

        Map<String, Long> expected = reference(words, Long::sum);
        Map<String, Long> aggregated = context.parallelize(words, 6).mapToPair(pair -> pair)
                .aggregateByKey(0L, 4, Long::sum, Long::sum).collectAsMap();
        assertThat(aggregated).isEqualTo(expected);
    }

    @Test
    void aNullValueFailsTheJobAsTheCallDoes() {
        Function2<Long, Long, Long> sum = Long::sum;
        Throwable call = catchThrowable(() -> sum.call(1L, null));
        List<Tuple2<String, Long>> pairs = new ArrayList<>(skewedWords(1_000, false));
        // After a value of the same key in the same (last) slice: merged as sum.call(value, null) map-side.
        pairs.add(new Tuple2<>(pairs.get(pairs.size() - 1)._1(), null));
        assertThatThrownBy(() -> reduce(pairs, 3, sum)).isInstanceOf(NullPointerException.class)
                .hasMessage(call.getMessage());
    }
}
