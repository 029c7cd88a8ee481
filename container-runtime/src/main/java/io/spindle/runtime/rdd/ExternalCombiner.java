package io.spindle.runtime.rdd;

import io.spindle.api.Tuple2;
import io.spindle.rdd.Aggregator;
import io.spindle.rdd.KnownCombine;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Combines values by key in a hash table ({@link CombineTable}). When the map's estimated size passes what the task's
 * {@link TaskMemoryBudget} grants, its entries are sorted by key hash and spilled as a run; the
 * result then merges the runs and the last in-memory part by hash, combining equal keys with
 * {@link Aggregator#combine}. Keys need only equals and hashCode, no ordering. One key's combiner
 * must fit in the heap (as in Spark); the number of keys need not.
 */
final class ExternalCombiner<K, V, C> {
    private static final long RESERVE_CHUNK = 1L << 20;
    private static final Comparator<Tuple2<?, ?>> BY_HASH = Comparator.comparingInt(e -> hash(e._1()));

    private final Aggregator<K, V, C> aggregator;
    private final TaskMemoryBudget budget;
    private final String localDir;
    private final boolean growing;
    /** The merge functions when they are {@link KnownCombine known}, else null. */
    private final KnownCombine knownMerge;
    private final KnownCombine knownCombine;
    private CombineTable<K, C> map = new CombineTable<>();
    /** Estimated heap bytes of the keys and boxed combiners in {@link #map}, beside its arrays. */
    private long entryBytes;
    private long reservedBytes;
    private final List<SpillRun<Tuple2<K, C>>> runs = new ArrayList<>();

    ExternalCombiner(Aggregator<K, V, C> aggregator, TaskMemoryBudget budget, String localDir) {
        this.aggregator = aggregator;
        this.budget = budget;
        this.localDir = localDir;
        this.growing = aggregator.growing();
        this.knownMerge = KnownCombine.of(aggregator.mergeValue());
        this.knownCombine = KnownCombine.of(aggregator.mergeCombiners());
    }

    /**
     * Adds one value (or combiner) of {@code key}: one probe of the table when the key is there. A
     * {@link KnownCombine known} merge function (Long::sum) is applied here, to the unboxed long
     * combiner when it is one, without calling it; otherwise the user function is called, the
     * unboxed combiner boxed just for that call.
     */
    @SuppressWarnings("unchecked")
    void insert(K key, Object value, boolean valueIsCombiner) {
        int slot = map.find(key);
        if (slot < 0) {
            C combiner = valueIsCombiner ? (C) value : aggregator.create((V) value);
            map.insertAt(-slot - 1, key, combiner);
            entryBytes += SizeEstimate.of(key) + (combiner instanceof Long ? 0 : SizeEstimate.of(combiner));
        } else {
            KnownCombine known = valueIsCombiner ? knownCombine : knownMerge;
            if (map.holdsLong(slot)) {
                if (known != null && known.isLong() && value instanceof Long number) {
                    map.setLongAt(slot, known.applyLong(map.longAt(slot), number));
                } else {
                    merge(slot, (C) (Object) Long.valueOf(map.longAt(slot)), value, valueIsCombiner);
                }
            } else {
                C existing = map.valueAt(slot);
                if (known != null && known.applies(existing, value)) {
                    map.setAt(slot, known.apply(existing, value));
                } else {
                    merge(slot, existing, value, valueIsCombiner);
                }
            }
            if (!growing) {
                return;
            }
            entryBytes += SizeEstimate.of(value) + 8;
        }
        long estimatedBytes = entryBytes + map.tableBytes();
        if (estimatedBytes > reservedBytes) {
            long wanted = Math.max(estimatedBytes - reservedBytes, RESERVE_CHUNK);
            if (budget.tryReserve(wanted)) {
                reservedBytes += wanted;
            } else {
                spill();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void merge(int slot, C existing, Object value, boolean valueIsCombiner) {
        map.setAt(slot, valueIsCombiner ? aggregator.combine(existing, (C) value) : aggregator.merge(existing, (V) value));
    }

    private void spill() {
        runs.add(SpillRun.write(localDir, sortedEntries()));
        map = new CombineTable<>();
        budget.release(reservedBytes);
        reservedBytes = 0;
        entryBytes = 0;
    }

    private List<Tuple2<K, C>> entries() {
        List<Tuple2<K, C>> entries = new ArrayList<>(map.size());
        map.forEach((key, value) -> entries.add(new Tuple2<>(key, value)));
        return entries;
    }

    private Iterator<Tuple2<K, C>> sortedEntries() {
        List<Tuple2<K, C>> entries = entries();
        entries.sort(BY_HASH);
        return entries.iterator();
    }

    /** The combined records; the combiner must not be used afterwards. */
    Iterator<Tuple2<K, C>> result() {
        if (runs.isEmpty()) {
            Iterator<Tuple2<K, C>> entries = entries().iterator();
            map = new CombineTable<>();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = entries.hasNext();
                    if (!more) {
                        releaseAll();
                    }
                    return more;
                }

                @Override
                public Tuple2<K, C> next() {
                    return entries.next();
                }
            };
        }
        List<Iterator<Tuple2<K, C>>> sources = new ArrayList<>(runs);
        sources.add(sortedEntries());
        map = new CombineTable<>();
        return new HashMerge(sources);
    }

    private void releaseAll() {
        if (reservedBytes > 0) {
            budget.release(reservedBytes);
            reservedBytes = 0;
        }
    }

    static int hash(Object key) {
        return key == null ? 0 : key.hashCode();
    }

    /** Merges hash-sorted sources: all records of the smallest hash at a time, equal keys combined. */
    private final class HashMerge implements Iterator<Tuple2<K, C>> {
        private final PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparingInt(c -> c.hash));
        private final List<Tuple2<K, C>> group = new ArrayList<>();
        private int groupPosition;

        HashMerge(List<Iterator<Tuple2<K, C>>> sources) {
            for (Iterator<Tuple2<K, C>> source : sources) {
                Cursor cursor = new Cursor(source);
                if (cursor.advance()) {
                    heads.add(cursor);
                }
            }
        }

        @Override
        public boolean hasNext() {
            if (groupPosition < group.size()) {
                return true;
            }
            group.clear();
            groupPosition = 0;
            if (heads.isEmpty()) {
                releaseAll();
                return false;
            }
            int hash = heads.peek().hash;
            while (!heads.isEmpty() && heads.peek().hash == hash) {
                Cursor cursor = heads.poll();
                do {
                    add(cursor.current);
                } while (cursor.advance() && cursor.hash == hash);
                if (cursor.current != null) {
                    heads.add(cursor);
                }
            }
            return true;
        }

        private void add(Tuple2<K, C> record) {
            for (int i = 0; i < group.size(); i++) {
                if (Objects.equals(group.get(i)._1(), record._1())) {
                    group.set(i, new Tuple2<>(record._1(), aggregator.combine(group.get(i)._2(), record._2())));
                    return;
                }
            }
            group.add(record);
        }

        @Override
        public Tuple2<K, C> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return group.get(groupPosition++);
        }
    }

    private final class Cursor {
        private final Iterator<Tuple2<K, C>> source;
        private Tuple2<K, C> current;
        private int hash;

        Cursor(Iterator<Tuple2<K, C>> source) {
            this.source = source;
        }

        boolean advance() {
            if (!source.hasNext()) {
                current = null;
                return false;
            }
            current = source.next();
            hash = hash(current._1());
            return true;
        }
    }
}
