package io.spindle.api;

import io.spindle.api.function.FlatMapFunction;
import io.spindle.api.function.Function;
import io.spindle.api.function.Function2;
import io.spindle.api.function.PairFunction;
import io.spindle.api.function.VoidFunction;
import io.spindle.plan.stage.ResultTooLargeException;
import io.spindle.rdd.BlockStore;
import io.spindle.rdd.Dependency;
import io.spindle.rdd.Iterators;
import io.spindle.rdd.MapPartitionsRdd;
import io.spindle.rdd.RddContext;
import io.spindle.rdd.RddSettings;
import io.spindle.rdd.RecordSerde;
import io.spindle.rdd.TaskEnvironment;
import io.spindle.rdd.TextOutput;
import io.spindle.rdd.UnionRdd;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lazy, immutable, partitioned collection with its lineage, shaped like Spark's JavaRDD.
 * Transformations record a dependency on their parent (narrow, or a shuffle for by-key
 * operations) and run nothing; actions cut the lineage into stages and run them. Functions are
 * shipped to executors, so they and what they capture must be serializable.
 *
 * <p>Subclasses in {@code io.spindle.rdd} are the lineage nodes; this class is the API.
 */
public abstract class Rdd<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** Driver only: what runs jobs. Null in tasks, which compute partitions without it. */
    private final transient RddContext context;
    private final int id = NEXT_ID.getAndIncrement();
    private volatile boolean persisted;

    protected Rdd(RddContext context) {
        this.context = context;
    }

    public final int id() {
        return id;
    }

    public final RddContext context() {
        if (context == null) {
            throw new IllegalStateException("Rdd " + id + " is used inside a task: transformations and actions "
                    + "run on the driver only (do not capture an Rdd in a function)");
        }
        return context;
    }

    public abstract int numPartitions();

    public final int getNumPartitions() {
        return numPartitions();
    }

    public abstract List<Dependency> dependencies();

    /** Computes one partition from the lineage (not from the cache). */
    protected abstract Iterator<T> compute(int partition, TaskEnvironment environment) throws Exception;

    public List<String> preferredHosts(int partition) {
        return List.of();
    }

    /** The partition's records: from the cache when persisted and present, else computed (and cached). */
    public final Iterator<T> iterator(int partition, TaskEnvironment environment) {
        try {
            if (!persisted) {
                return compute(partition, environment);
            }
            RddSettings settings = environment.settings();
            List<T> cached = BlockStore.get(environment.context().hadoopConf(), settings, id, partition);
            if (cached != null) {
                return cached.iterator();
            }
            List<T> records = new ArrayList<>();
            compute(partition, environment).forEachRemaining(records::add);
            BlockStore.put(environment.context().hadoopConf(), settings, id, partition, records.iterator());
            return records.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Computing partition " + partition + " of Rdd " + id + " failed: " + e, e);
        }
    }

    // ---- transformations ------------------------------------------------------------------

    public <R> Rdd<R> map(Function<T, R> function) {
        return new MapPartitionsRdd<>(this, (partition, input) -> Iterators.map(input, function));
    }

    public <R> Rdd<R> flatMap(FlatMapFunction<T, R> function) {
        return new MapPartitionsRdd<>(this, (partition, input) -> Iterators.flatMap(input, function));
    }

    public Rdd<T> filter(Function<T, Boolean> predicate) {
        return new MapPartitionsRdd<>(this, (partition, input) -> Iterators.filter(input, predicate));
    }

    public <R> Rdd<R> mapPartitions(FlatMapFunction<Iterator<T>, R> function) {
        return new MapPartitionsRdd<>(this, (partition, input) -> Iterators.call(function, input));
    }

    public <K, V> PairRdd<K, V> mapToPair(PairFunction<T, K, V> function) {
        return new PairRdd<>(new MapPartitionsRdd<>(this,
                (partition, input) -> Iterators.map(input, function::call)));
    }

    public <K> PairRdd<K, T> keyBy(Function<T, K> function) {
        return mapToPair(value -> new Tuple2<>(function.call(value), value));
    }

    /** All records of both, keeping duplicates (UNION ALL); partitions are concatenated. */
    @SuppressWarnings("unchecked")
    public Rdd<T> union(Rdd<T> other) {
        return new UnionRdd<>(context(), List.of(this, other));
    }

    public Rdd<T> distinct() {
        return distinct(numPartitions());
    }

    public Rdd<T> distinct(int partitions) {
        return mapToPair(value -> new Tuple2<T, Boolean>(value, Boolean.TRUE))
                .reduceByKey((a, b) -> a, partitions).keys();
    }

    /**
     * Keeps the partitions once computed, in the block store on the shuffle file system; a block
     * that disappears is recomputed from lineage.
     */
    public Rdd<T> persist() {
        persisted = true;
        return this;
    }

    public Rdd<T> cache() {
        return persist();
    }

    public boolean isPersisted() {
        return persisted;
    }

    /** Drops the cached blocks; later actions compute from lineage. */
    public Rdd<T> unpersist() {
        persisted = false;
        BlockStore.drop(context().hadoopConf(), context().settings(), id);
        return this;
    }

    // ---- actions --------------------------------------------------------------------------

    public long count() {
        long total = 0;
        for (Long partitionCount : context().scheduler().runJob(this, (partition, records, environment) -> {
            long n = 0;
            while (records.hasNext()) {
                records.next();
                n++;
            }
            return n;
        })) {
            total += partitionCount;
        }
        return total;
    }

    /**
     * Every record, in partition order. Fails with a clear error, before deserializing, when the
     * records exceed {@code spindle.driver.maxResultSize}.
     */
    public List<T> collect() {
        long limit = context().settings().maxResultBytes();
        List<byte[]> parts = context().scheduler().runJob(this, (partition, records, environment) -> {
            byte[] bytes = RecordSerde.serializeAll(records, new long[1]);
            if (bytes.length > environment.settings().maxResultBytes()) {
                throw new ResultTooLargeException(tooLarge(bytes.length, environment.settings().maxResultBytes()));
            }
            return bytes;
        });
        return deserialize(parts, limit);
    }

    private static String tooLarge(long bytes, long limit) {
        return "The result is " + bytes + " bytes, more than spindle.driver.maxResultSize (" + limit
                + " bytes). Write large results with saveAsTextFile(), use take(n), or raise the setting.";
    }

    private static <T> List<T> deserialize(List<byte[]> parts, long limit) {
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        if (total > limit) {
            throw new ResultTooLargeException(tooLarge(total, limit));
        }
        List<T> result = new ArrayList<>();
        for (byte[] part : parts) {
            result.addAll(RecordSerde.deserializeAll(part));
        }
        return result;
    }

    /** The first {@code n} records, scanning one partition first and more only as needed. */
    public List<T> take(int n) {
        List<T> result = new ArrayList<>();
        int scanned = 0;
        int batch = 1;
        while (result.size() < n && scanned < numPartitions()) {
            List<Integer> partitions = new ArrayList<>();
            for (int p = scanned; p < Math.min(numPartitions(), scanned + batch); p++) {
                partitions.add(p);
            }
            int wanted = n - result.size();
            List<byte[]> parts = context().scheduler().runJob(this, (partition, records, environment) -> {
                List<T> head = new ArrayList<>();
                while (head.size() < wanted && records.hasNext()) {
                    head.add(records.next());
                }
                return RecordSerde.serializeAll(head.iterator(), new long[1]);
            }, partitions);
            for (T value : RecordSerde.<T>deserializeAll(concat(parts))) {
                if (result.size() < n) {
                    result.add(value);
                }
            }
            scanned += partitions.size();
            batch *= 4;
        }
        return result;
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    public T first() {
        List<T> head = take(1);
        if (head.isEmpty()) {
            throw new NoSuchElementException("first() of an empty Rdd");
        }
        return head.get(0);
    }

    /** Combines all records with an associative, commutative function; fails on an empty Rdd. */
    public T reduce(Function2<T, T, T> function) {
        List<byte[]> parts = context().scheduler().runJob(this, (partition, records, environment) -> {
            if (!records.hasNext()) {
                return new byte[0];
            }
            T accumulator = records.next();
            while (records.hasNext()) {
                accumulator = function.call(accumulator, records.next());
            }
            return RecordSerde.serializeAll(List.of(accumulator).iterator(), new long[1]);
        });
        List<T> partials = RecordSerde.deserializeAll(concat(parts));
        if (partials.isEmpty()) {
            throw new UnsupportedOperationException("reduce() of an empty Rdd");
        }
        T result = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            result = io.spindle.rdd.Functions.call(function, result, partials.get(i));
        }
        return result;
    }

    public void foreach(VoidFunction<T> function) {
        context().scheduler().runJob(this, (partition, records, environment) -> {
            while (records.hasNext()) {
                function.call(records.next());
            }
            return Boolean.TRUE;
        });
    }

    /**
     * Writes one text file per partition ({@code String.valueOf} of each record, one per line)
     * atomically: tasks write into a staging directory, and the driver renames it to
     * {@code path} once every task committed. Fails if {@code path} exists.
     */
    public void saveAsTextFile(String path) {
        TextOutput.save(this, path);
    }
}
