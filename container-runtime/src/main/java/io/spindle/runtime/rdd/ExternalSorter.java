package io.spindle.runtime.rdd;

import io.spindle.api.Tuple2;
import io.spindle.runtime.memory.TaskMemoryBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts records by key: buffers them while the task's {@link TaskMemoryBudget} grants the
 * estimated size, else sorts the buffer and spills it as a run; the result merges the runs and the
 * in-memory rest with a heap.
 */
final class ExternalSorter<K, V> {
    private static final long RESERVE_CHUNK = 1L << 20;

    private final Comparator<Tuple2<K, V>> ordering;
    private final TaskMemoryBudget budget;
    private final String localDir;
    private ArrayList<Tuple2<K, V>> buffer = new ArrayList<>();
    private long estimatedBytes;
    private long reservedBytes;
    private final List<SpillRun<Tuple2<K, V>>> runs = new ArrayList<>();

    ExternalSorter(Comparator<? super K> keyOrdering, TaskMemoryBudget budget, String localDir) {
        this.ordering = (a, b) -> keyOrdering.compare(a._1(), b._1());
        this.budget = budget;
        this.localDir = localDir;
    }

    void insert(Tuple2<K, V> record) {
        buffer.add(record);
        estimatedBytes += SizeEstimate.of(record) + 8;
        if (estimatedBytes > reservedBytes) {
            long wanted = Math.max(estimatedBytes - reservedBytes, RESERVE_CHUNK);
            if (budget.tryReserve(wanted)) {
                reservedBytes += wanted;
            } else {
                buffer.sort(ordering);
                runs.add(SpillRun.write(localDir, buffer.iterator()));
                buffer = new ArrayList<>();
                budget.release(reservedBytes);
                reservedBytes = 0;
                estimatedBytes = 0;
            }
        }
    }

    Iterator<Tuple2<K, V>> result() {
        buffer.sort(ordering);
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        List<Iterator<Tuple2<K, V>>> sources = new ArrayList<>(runs);
        sources.add(buffer.iterator());
        return new Merge(sources);
    }

    private final class Merge implements Iterator<Tuple2<K, V>> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ordering.compare(a.record, b.record));

        Merge(List<Iterator<Tuple2<K, V>>> sources) {
            for (Iterator<Tuple2<K, V>> source : sources) {
                if (source.hasNext()) {
                    heads.add(new Head(source.next(), source));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Tuple2<K, V> next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            Tuple2<K, V> result = head.record;
            if (head.source.hasNext()) {
                heads.add(new Head(head.source.next(), head.source));
            }
            return result;
        }
    }

    private final class Head {
        final Tuple2<K, V> record;
        final Iterator<Tuple2<K, V>> source;

        Head(Tuple2<K, V> record, Iterator<Tuple2<K, V>> source) {
            this.record = record;
            this.source = source;
        }
    }
}
