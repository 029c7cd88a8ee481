package io.spindle.jobs.bench;

import static io.spindle.api.functions.avg;
import static io.spindle.api.functions.col;
import static io.spindle.api.functions.count;
import static io.spindle.api.functions.lit;
import static io.spindle.api.functions.sum;

import io.spindle.api.Dataset;
import io.spindle.api.Row;
import io.spindle.api.Session;
import io.spindle.api.Tuple2;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The benchmark's queries over a data directory laid out as {@link BenchData} writes it. */
public final class BenchQueries {
    /** Word count order: count descending, then word ascending. */
    static final Comparator<Tuple2<String, Long>> BY_COUNT = Comparator
            .comparing((Tuple2<String, Long> t) -> t._2()).reversed().thenComparing(Tuple2::_1);
    private static final int TOP_WORDS = 100;

    private BenchQueries() {
    }

    static Dataset lineitem(Session session, Path data) {
        return session.read().parquet(data.resolve("lineitem").toString());
    }

    /** TPC-H Q1 over double columns. */
    public static List<Row> q1(Session session, Path data) {
        return lineitem(session, data).filter(col("l_shipdate").leq(lit(LocalDate.of(1998, 9, 2))))
                .groupBy("l_returnflag", "l_linestatus")
                .agg(sum("l_quantity").as("sum_qty"),
                        sum("l_extendedprice").as("sum_base_price"),
                        sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount")))).as("sum_disc_price"),
                        sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount")))
                                .multiply(lit(1).plus(col("l_tax")))).as("sum_charge"),
                        avg("l_quantity").as("avg_qty"),
                        avg("l_extendedprice").as("avg_price"),
                        avg("l_discount").as("avg_disc"),
                        count("*").as("count_order"))
                .orderBy("l_returnflag", "l_linestatus")
                .collectAsList();
    }

    /** TPC-H Q6 over double columns. */
    public static List<Row> q6(Session session, Path data) {
        return lineitem(session, data).filter(col("l_shipdate").geq(lit(LocalDate.of(1994, 1, 1)))
                        .and(col("l_shipdate").lt(lit(LocalDate.of(1995, 1, 1))))
                        .and(col("l_discount").geq(0.05)).and(col("l_discount").leq(0.07))
                        .and(col("l_quantity").lt(24.0)))
                .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue"))
                .collectAsList();
    }

    /**
     * The 100 most frequent words of {@code text/} through the Rdd API: words are runs of non
     * whitespace; each partition keeps its local top 100 after the reduce, the driver merges them.
     */
    public static List<Tuple2<String, Long>> wordcount(Session session, Path data) {
        List<Tuple2<String, Long>> tops = session.textFile(data.resolve("text").toString())
                .flatMap(BenchQueries::words)
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum)
                .rdd()
                .mapPartitions(BenchQueries::top)
                .collect();
        List<Tuple2<String, Long>> merged = new ArrayList<>(tops);
        merged.sort(BY_COUNT);
        return merged.subList(0, Math.min(TOP_WORDS, merged.size()));
    }

    /** The words of {@code line}, found one at a time as the iterator is read (no list per line). */
    private static java.util.Iterator<String> words(String line) {
        return new java.util.Iterator<>() {
            private int position = skipSpaces(line, 0);

            @Override
            public boolean hasNext() {
                return position < line.length();
            }

            @Override
            public String next() {
                int start = position;
                if (start >= line.length()) {
                    throw new java.util.NoSuchElementException();
                }
                int end = start + 1;
                while (end < line.length() && !isSpace(line.charAt(end))) {
                    end++;
                }
                position = skipSpaces(line, end);
                return line.substring(start, end);
            }
        };
    }

    private static int skipSpaces(String line, int from) {
        int position = from;
        while (position < line.length() && isSpace(line.charAt(position))) {
            position++;
        }
        return position;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static java.util.Iterator<Tuple2<String, Long>> top(java.util.Iterator<Tuple2<String, Long>> counts) {
        PriorityQueue<Tuple2<String, Long>> heap = new PriorityQueue<>(BY_COUNT.reversed());
        while (counts.hasNext()) {
            heap.add(counts.next());
            if (heap.size() > TOP_WORDS) {
                heap.poll();
            }
        }
        return heap.iterator();
    }

    /** The {@code events/date=YYYY-MM-DD} directories, oldest first. */
    static List<Path> eventDays(Path data) {
        try (java.util.stream.Stream<Path> days = java.nio.file.Files.list(data.resolve("events"))) {
            return days.filter(day -> day.getFileName().toString().startsWith("date=")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static LocalDate dateOf(Path day) {
        return LocalDate.parse(day.getFileName().toString().substring("date=".length()));
    }

    /**
     * add_to_cart events of the last 30 days of events (partitions pruned by directory name),
     * joined to products: per category the count and sum of the event price, by count descending
     * (then category).
     */
    public static List<Row> funnel(Session session, Path data) {
        List<Path> days = eventDays(data);
        LocalDate last = dateOf(days.get(days.size() - 1));
        String[] recent = days.stream().filter(day -> dateOf(day).isAfter(last.minusDays(30)))
                .map(Path::toString).toArray(String[]::new);
        Dataset carts = session.read().parquet(recent).filter(col("event_type").equalTo("add_to_cart"))
                .select("product_id", "price");
        Dataset products = session.read().parquet(data.resolve("products").toString()).select("product_id", "category");
        return carts.join(products, "product_id").groupBy("category")
                .agg(count("*").as("count"), sum("price").as("revenue"))
                .orderBy(col("count").desc(), col("category"))
                .collectAsList();
    }

    /**
     * One day of events joined to products: event counts per event type, and purchase revenue per
     * category and brand, each written as Parquet under {@code output/<table>/run_date=<day>},
     * replacing that partition. Returns the rows written.
     */
    public static long nightly(Session session, Path data, LocalDate runDate, Path output) {
        Dataset events = session.read().parquet(data.resolve("events").resolve("date=" + runDate).toString());
        Dataset products = session.read().parquet(data.resolve("products").toString())
                .select("product_id", "category", "brand");
        // Both outputs read the join: it is computed once, kept in the executors, and dropped after.
        Dataset joined = events.select("product_id", "event_type", "price").join(products, "product_id").cache();
        try {
            Dataset counts = joined.groupBy("event_type").agg(count("*").as("events"));
            Dataset revenue = joined.filter(col("event_type").equalTo("purchase")).groupBy("category", "brand")
                    .agg(sum("price").as("revenue"), count("*").as("purchases"));
            return overwritePartition(session, counts, output.resolve("event_counts"), runDate)
                    + overwritePartition(session, revenue, output.resolve("revenue"), runDate);
        } finally {
            joined.unpersist();
        }
    }

    /**
     * Writes the partition under a hidden name (readers skip names starting with '.'), then
     * replaces {@code run_date=<day>} with it: the old partition stays whole until the swap.
     */
    private static long overwritePartition(Session session, Dataset rows, Path table, LocalDate runDate) {
        try {
            java.nio.file.Files.createDirectories(table);
            Path fresh = table.resolve(".run_date=" + runDate + "-" + java.util.UUID.randomUUID());
            rows.write().parquet(fresh.toString());
            Path partition = table.resolve("run_date=" + runDate);
            Path old = table.resolve(".run_date=" + runDate + "-old-" + java.util.UUID.randomUUID());
            if (java.nio.file.Files.exists(partition)) {
                java.nio.file.Files.move(partition, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            java.nio.file.Files.move(fresh, partition, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            BenchRunner.deleteRecursively(old);
            return session.read().parquet(partition.toString()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot replace partition run_date=" + runDate + " of " + table, e);
        }
    }

    /** A full sort of lineitem, written as Parquet to {@code output} (so every row is materialized). */
    public static void sort(Session session, Path data, String output) {
        lineitem(session, data).orderBy(col("l_shipdate"), col("l_orderkey"), col("l_linenumber"))
                .write().parquet(output);
    }

}
