package io.spindle.runtime.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.PairRdd;
import io.spindle.api.Rdd;
import io.spindle.api.Tuple2;
import io.spindle.plan.stage.ResultTooLargeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every Rdd operator against a plain-Java reference computed on the same data, with more slices
 * than records (empty partitions) and a skewed key distribution.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RddOperatorsTest extends RddTestBase {
    /** 90% of records on key 0, the rest spread over 1000 keys; nulls never. */
    private static List<Long> skewed(int n) {
        SplittableRandom random = new SplittableRandom(7);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(10) < 9 ? 0L : random.nextLong(1, 1001));
        }
        return values;
    }

    @Test
    void narrowTransformationsMatchJavaStreamsIncludingEmptyPartitions() {
        List<Integer> data = IntStream.range(0, 10).boxed().toList();
        Rdd<Integer> rdd = context.parallelize(data, 16); // most slices are empty
        assertThat(rdd.getNumPartitions()).isEqualTo(16);
        assertThat(rdd.map(x -> x * 3).collect()).isEqualTo(data.stream().map(x -> x * 3).toList());
        assertThat(rdd.filter(x -> x % 3 == 0).collect()).containsExactly(0, 3, 6, 9);
        assertThat(rdd.flatMap(x -> List.of(x, -x).iterator()).collect())
                .isEqualTo(data.stream().flatMap(x -> java.util.stream.Stream.of(x, -x)).toList());
        assertThat(rdd.mapPartitions(partition -> {
            int sum = 0;
            while (partition.hasNext()) {
                sum += partition.next();
            }
            return List.of(sum).iterator();
        }).collect().stream().mapToInt(Integer::intValue).sum()).isEqualTo(45);
        assertThat(rdd.keyBy(x -> x % 2).collect()).isEqualTo(data.stream().map(x -> new Tuple2<>(x % 2, x)).toList());
        assertThat(rdd.mapToPair(x -> new Tuple2<>("k" + x, (long) x)).collect().get(9))
                .isEqualTo(new Tuple2<>("k9", 9L));
        assertThat(rdd.union(context.parallelize(List.of(100, 200), 3)).collect())
                .isEqualTo(java.util.stream.Stream.concat(data.stream(), java.util.stream.Stream.of(100, 200)).toList());
        assertThat(context.parallelize(List.<Integer>of(), 4).map(x -> x + 1).collect()).isEmpty();
    }

    @Test
    void actionsMatchReferences() {
        List<Long> data = LongStream.rangeClosed(1, 1000).boxed().toList();
        Rdd<Long> rdd = context.parallelize(data, 7);
        assertThat(rdd.count()).isEqualTo(1000);
        assertThat(rdd.reduce(Long::sum)).isEqualTo(500_500L);
        assertThat(rdd.take(5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rdd.take(400)).isEqualTo(data.subList(0, 400)); // needs more than the first partition
        assertThat(rdd.first()).isEqualTo(1L);
        Rdd<Long> sparse = context.parallelize(List.of(5L, 6L), 9);
        assertThat(sparse.take(10)).containsExactly(5L, 6L);
        assertThat(sparse.reduce(Math::max)).isEqualTo(6L);
        assertThat(context.parallelize(List.<Long>of(), 3).count()).isZero();
        assertThat(context.parallelize(List.<Long>of(), 3).take(3)).isEmpty();
        assertThatThrownBy(() -> context.parallelize(List.<Long>of(), 3).reduce(Long::sum))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reduceByKeyOnSkewedKeysMatchesAHashMap() {
        List<Long> data = skewed(50_000);
        Map<Long, Long> expected = new HashMap<>();
        data.forEach(k -> expected.merge(k, 1L, Long::sum));
        PairRdd<Long, Long> counts = context.parallelize(data, 8).mapToPair(k -> new Tuple2<>(k, 1L))
                .reduceByKey(Long::sum, 5);
        List<Tuple2<Long, Long>> result = counts.collect();
        assertThat(result).hasSize(expected.size());
        assertThat(counts.collectAsMap()).isEqualTo(expected);
        assertThat(counts.rdd().getNumPartitions()).isEqualTo(5);
    }

    @Test
    void groupByKeyMatchesGroupingByWithEveryValue() {
        List<Long> data = skewed(20_000);
        Map<Long, List<Integer>> expected = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            expected.computeIfAbsent(data.get(i), k -> new ArrayList<>()).add(i);
        }
        List<Tuple2<Long, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            pairs.add(new Tuple2<>(data.get(i), i));
        }
        Map<Long, List<Integer>> actual = new HashMap<>();
        for (Tuple2<Long, Iterable<Integer>> group : new PairRdd<>(context.parallelize(pairs, 6)).groupByKey(4)
                .collect()) {
            List<Integer> values = new ArrayList<>();
            group._2().forEach(values::add);
            values.sort(null);
            assertThat(actual.put(group._1(), values)).as("key %s grouped once", group._1()).isNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aggregateByKeyCopiesTheZeroPerKey() {
        List<Long> data = skewed(10_000);
        Map<Long, Long> sums = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        data.forEach(k -> {
            sums.merge(k, k * 2, Long::sum);
            counts.merge(k, 1L, Long::sum);
        });
        // A mutable zero: the same list instance would leak values between keys if not copied.
        Map<Long, ArrayList<Long>> actual = new PairRdd<>(context.parallelize(data, 4).map(k -> new Tuple2<>(k, k * 2)))
                .aggregateByKey(new ArrayList<Long>(List.of(0L, 0L)), 3, (acc, value) -> {
                    acc.set(0, acc.get(0) + value);
                    acc.set(1, acc.get(1) + 1);
                    return acc;
                }, (a, b) -> {
                    a.set(0, a.get(0) + b.get(0));
                    a.set(1, a.get(1) + b.get(1));
                    return a;
                }).collectAsMap();
        assertThat(actual).hasSize(sums.size());
        sums.forEach((key, sum) -> assertThat(actual.get(key)).containsExactly(sum, counts.get(key)));
    }

    @Test
    void joinMatchesANestedLoopJoin() {
        List<Tuple2<String, Integer>> left = new ArrayList<>();
        List<Tuple2<String, String>> right = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            left.add(new Tuple2<>("k" + (i % 500 == 0 ? 0 : i % 97), i)); // skewed on k0
        }
        for (int i = 0; i < 200; i++) {
            right.add(new Tuple2<>("k" + (i % 120), "r" + i)); // k97..k119 have no left match
        }
        List<String> expected = new ArrayList<>();
        for (Tuple2<String, Integer> l : left) {
            for (Tuple2<String, String> r : right) {
                if (l._1().equals(r._1())) {
                    expected.add(l._1() + "/" + l._2() + "/" + r._2());
                }
            }
        }
        List<String> actual = new PairRdd<>(context.parallelize(left, 5))
                .join(new PairRdd<>(context.parallelize(right, 3)), 4).collect().stream()
                .map(t -> t._1() + "/" + t._2()._1() + "/" + t._2()._2()).collect(Collectors.toList());
        actual.sort(null);
        expected.sort(null);
        assertThat(actual).isEqualTo(expected);
        assertThat(new PairRdd<>(context.parallelize(left, 2))
                .join(new PairRdd<>(context.parallelize(List.<Tuple2<String, String>>of(), 2))).collect()).isEmpty();
    }

    @Test
    void distinctMatchesAHashSet() {
        List<Long> data = skewed(20_000);
        assertThat(context.parallelize(data, 6).distinct(3).collect())
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(data));
        assertThat(context.parallelize(List.of("a", "b", "a", "c", "b"), 4).distinct().collect())
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void sortByKeyMatchesASortedListBothWays() {
        List<Long> data = skewed(30_000);
        List<Tuple2<Long, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            pairs.add(new Tuple2<>(data.get(i) * 7 % 1009, i));
        }
        PairRdd<Long, Integer> rdd = new PairRdd<>(context.parallelize(pairs, 6));
        List<Long> ascending = pairs.stream().map(Tuple2::_1).sorted().toList();
        assertThat(rdd.sortByKey(true, 4).collect().stream().map(Tuple2::_1).toList()).isEqualTo(ascending);
        List<Long> descending = pairs.stream().map(Tuple2::_1).sorted(Comparator.reverseOrder()).toList();
        assertThat(rdd.sortByKey(false, 3).collect().stream().map(Tuple2::_1).toList()).isEqualTo(descending);
        List<Integer> values = rdd.sortByKey().collect().stream().map(Tuple2::_2).sorted().toList();
        assertThat(values).isEqualTo(IntStream.range(0, pairs.size()).boxed().toList()); // no record lost or doubled
        assertThat(new PairRdd<>(context.parallelize(List.<Tuple2<String, Long>>of(), 3)).sortByKey().collect())
                .isEmpty();
        List<String> words = List.of("pear", "apple", "fig", "kiwi", "banana");
        assertThat(context.parallelize(words, 7).keyBy(w -> w).sortByKey().keys().collect())
                .isEqualTo(words.stream().sorted().toList());
    }

    @Test
    void collectRespectsMaxResultSize() {
        support.maxResultBytes = 10_000;
        Rdd<String> big = context.parallelize(IntStream.range(0, 5000).mapToObj(i -> "value-" + i).toList(), 4);
        assertThatThrownBy(big::collect).isInstanceOf(ResultTooLargeException.class)
                .hasMessageContaining("spindle.driver.maxResultSize");
        assertThat(big.count()).isEqualTo(5000); // counts travel, records do not
    }

    @Test
    void userFunctionErrorsFailTheJob() {
        Rdd<Integer> rdd = context.parallelize(List.of(1, 2, 0), 2).map(x -> 10 / x);
        assertThatThrownBy(rdd::collect).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void lineageIsRecorded() {
        Rdd<Integer> base = context.parallelize(List.of(1, 2, 3), 2);
        PairRdd<Integer, Integer> reduced = base.map(x -> x + 1).keyBy(x -> x % 2).reduceByKey(Integer::sum);
        assertThat(reduced.rdd().dependencies()).hasSize(1).first()
                .isInstanceOf(io.spindle.rdd.ShuffleDependency.class);
        Rdd<?> mapSide = reduced.rdd().dependencies().get(0).rdd();
        assertThat(mapSide.dependencies()).hasSize(1).first().isInstanceOf(io.spindle.rdd.NarrowDependency.class);
    }

    @Test
    void aSecondActionReusesTheShuffleOutput() {
        PairRdd<Long, Long> counts = context.parallelize(skewed(1000), 3).mapToPair(k -> new Tuple2<>(k, 1L))
                .reduceByKey(Long::sum);
        counts.count();
        int stages = support.launcher.stagesRun();
        assertThat(counts.collect()).hasSize((int) counts.count());
        assertThat(support.launcher.stagesRun() - stages).isEqualTo(2); // two result stages, no map stage again
    }

}
