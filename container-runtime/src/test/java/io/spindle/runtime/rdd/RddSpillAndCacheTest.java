package io.spindle.runtime.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.PairRdd;
import io.spindle.api.Rdd;
import io.spindle.api.Tuple2;
import io.spindle.rdd.BlockStore;
import io.spindle.rdd.RecordInput;
import io.spindle.rdd.RecordOutput;
import io.spindle.rdd.RecordSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spilling past the task memory budget, the cache and recomputation from lineage, text in and out, record serde. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RddSpillAndCacheTest extends RddTestBase {
    /** Counts computations of a partition; tasks run in this JVM. */
    private static final AtomicInteger COMPUTED = new AtomicInteger();

    private static String payload(int i) {
        return "value-" + i + "-" + "x".repeat(60);
    }

    @Test
    void groupByKeyLargerThanTheMemoryBudgetSpillsAndKeepsEveryValue() {
        support.memoryBudgetBytes = 1L << 20; // the values below are ~25 MB
        int n = 200_000;
        Map<Integer, Long> expectedCounts = new HashMap<>();
        Map<Integer, Long> expectedLengths = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int key = i % 10 < 7 ? 0 : i % 5000; // skewed: 70% on key 0
            expectedCounts.merge(key, 1L, Long::sum);
            expectedLengths.merge(key, (long) payload(i).length(), Long::sum);
        }
        long spillsBefore = SpillMetrics.spilledRuns();
        Rdd<Integer> indexes = context.parallelize(IntStream.range(0, 8).boxed().toList(), 8)
                .flatMap(part -> IntStream.range(0, n).filter(i -> i % 8 == part).boxed().iterator());
        List<Tuple2<Integer, Iterable<String>>> groups = indexes
                .mapToPair(i -> new Tuple2<>(i % 10 < 7 ? 0 : i % 5000, payload(i)))
                .groupByKey(2).collect();
        assertThat(SpillMetrics.spilledRuns()).as("spill runs written").isGreaterThan(spillsBefore);
        Map<Integer, Long> counts = new HashMap<>();
        Map<Integer, Long> lengths = new HashMap<>();
        for (Tuple2<Integer, Iterable<String>> group : groups) {
            for (String value : group._2()) {
                counts.merge(group._1(), 1L, Long::sum);
                lengths.merge(group._1(), (long) value.length(), Long::sum);
            }
        }
        assertThat(groups).hasSize(expectedCounts.size());
        assertThat(counts).isEqualTo(expectedCounts);
        assertThat(lengths).isEqualTo(expectedLengths);
        assertThat(directory.resolve("spill").toFile().list()).isEmpty(); // runs deleted once merged
    }

    @Test
    void reduceByKeyAndSortByKeySpillUnderASmallBudget() {
        support.memoryBudgetBytes = 1L << 20;
        SplittableRandom random = new SplittableRandom(3);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            keys.add(random.nextLong(60_000));
        }
        Map<Long, Long> expected = new HashMap<>();
        keys.forEach(k -> expected.merge(k, k, Long::sum));
        long spillsBefore = SpillMetrics.spilledRuns();
        PairRdd<Long, Long> sums = context.parallelize(keys, 3).mapToPair(k -> new Tuple2<>(k, k))
                .reduceByKey(Long::sum, 2);
        assertThat(sums.collectAsMap()).isEqualTo(expected);
        long afterReduce = SpillMetrics.spilledRuns();
        assertThat(afterReduce).isGreaterThan(spillsBefore);
        List<Long> sorted = context.parallelize(keys, 3).keyBy(k -> k).sortByKey(true, 2).keys().collect();
        assertThat(sorted).isEqualTo(keys.stream().sorted(Comparator.naturalOrder()).toList());
        assertThat(SpillMetrics.spilledRuns()).isGreaterThan(afterReduce);
    }

    @Test
    void aCachedRddIsComputedOnceAndRecomputedFromLineageWhenItsBlocksAreDropped() {
        COMPUTED.set(0);
        PairRdd<String, Long> counts = context.parallelize(IntStream.range(0, 5000).boxed().toList(), 4)
                .mapPartitions(partition -> {
                    COMPUTED.incrementAndGet();
                    return partition;
                })
                .mapToPair(i -> new Tuple2<>("k" + i % 37, 1L)).reduceByKey(Long::sum, 3);
        Rdd<Tuple2<String, Long>> cached = counts.rdd().map(t -> new Tuple2<>(t._1(), t._2() * 10)).cache();
        List<Tuple2<String, Long>> first = cached.collect();
        assertThat(COMPUTED.get()).isEqualTo(4);
        assertThat(BlockStore.allPresent(context.hadoopConf(), context.settings(), cached.id(), 3)).isTrue();
        assertThat(cached.collect()).isEqualTo(first);
        assertThat(cached.count()).isEqualTo(37);
        assertThat(COMPUTED.get()).isEqualTo(4); // served from the cache

        // Lose one block: only its partition is recomputed, from the shuffle output in its lineage.
        Path block = Path.of(java.net.URI.create(BlockStore.block(context.settings(), cached.id(), 1).toString()));
        assertThat(block).exists();
        deleteQuietly(block);
        assertThat(cached.collect()).isEqualTo(first);

        // Lose every block: all partitions are recomputed from lineage.
        BlockStore.drop(context.hadoopConf(), context.settings(), cached.id());
        assertThat(cached.collect()).isEqualTo(first);
        assertThat(first).hasSize(37).allSatisfy(t -> assertThat(t._2()).isIn(1350L, 1360L));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unpersistDropsTheBlocks() {
        Rdd<Integer> rdd = context.parallelize(List.of(1, 2, 3), 2).map(x -> x * 2).cache();
        assertThat(rdd.collect()).containsExactly(2, 4, 6);
        rdd.unpersist();
        assertThat(BlockStore.allPresent(context.hadoopConf(), context.settings(), rdd.id(), 2)).isFalse();
        assertThat(rdd.collect()).containsExactly(2, 4, 6);
    }

    @Test
    void textFileReadsEveryLineOnceWhateverTheSplitsAndSaveAsTextFileRoundTrips() throws IOException {
        Path input = directory.resolve("text");
        Files.createDirectories(input);
        List<String> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        SplittableRandom random = new SplittableRandom(11);
        while (text.length() < 3_500_000) { // > 3 splits of the 1 MB minimum
            int kind = random.nextInt(1000);
            String line = kind < 20 ? "" : kind == 20 ? "longer than the read buffer é ".repeat(3000) // spans refills
                    : "line " + lines.size() + " é " + "w".repeat(random.nextInt(200));
            lines.add(line);
            text.append(line).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        text.append("last line without newline");
        lines.add("last line without newline");
        Files.writeString(input.resolve("a.txt"), text.toString(), StandardCharsets.UTF_8);
        Files.writeString(input.resolve("b.txt"), "x\ny\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("empty.txt"), "", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("_SUCCESS"), "marker\n", StandardCharsets.UTF_8);
        Rdd<String> rdd = context.textFile(input.toString(), 8);
        assertThat(rdd.getNumPartitions()).isGreaterThanOrEqualTo(4);
        List<String> expected = Stream.concat(lines.stream(), Stream.of("x", "y")).toList();
        assertThat(rdd.collect()).isEqualTo(expected);

        Path output = directory.resolve("out");
        rdd.filter(line -> !line.isEmpty()).map(String::length).saveAsTextFile(output.toString());
        assertThat(output.resolve("_SUCCESS")).exists();
        assertThat(directory.toFile().list()).noneMatch(name -> name.startsWith(".spindle-staging"));
        List<Integer> written = context.textFile(output.toString(), 2).map(Integer::parseInt).collect();
        assertThat(written).isEqualTo(expected.stream().filter(l -> !l.isEmpty()).map(String::length).toList());
        assertThatThrownBy(() -> rdd.saveAsTextFile(output.toString())).hasMessageContaining("already exists");
    }

    @Test
    void recordSerdeRoundTripsCommonTypesAndFallsBackToJavaSerialization() {
        List<Object> values = new ArrayList<>(List.of("ascii", "ünïcode ✓", "", 42L, -7, 3.5, true,
                new Tuple2<>("k", new Tuple2<>(1L, 2.0)), new ArrayList<>(List.of(1L, "two")), LocalDate.of(2024, 2, 29),
                Long.MIN_VALUE, Integer.MIN_VALUE, Double.NaN));
        values.add(null);
        RecordOutput out = new RecordOutput(16);
        values.forEach(value -> RecordSerde.write(value, out));
        RecordInput in = new RecordInput(out.array(), 0, out.size());
        List<Object> back = new ArrayList<>();
        while (in.hasRemaining()) {
            back.add(RecordSerde.read(in));
        }
        assertThat(back).isEqualTo(values);
    }
}
