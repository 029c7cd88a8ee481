package io.spindle.rdd;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Partitions ordered keys by upper bounds chosen from a sample (sortByKey): partition i holds keys
 * up to {@code bounds[i]}, the last one the rest. Descending order reverses the partition number.
 */
public record RangePartitioner(Object[] bounds, Comparator<Object> ordering, boolean ascending) implements Partitioner {

    /** Bounds splitting the sorted sample into {@code partitions} parts of about equal size. */
    @SuppressWarnings("unchecked")
    public static RangePartitioner fromSample(List<?> sample, int partitions, Comparator<?> ordering,
            boolean ascending) {
        Comparator<Object> comparator = (Comparator<Object>) ordering;
        Object[] sorted = sample.toArray();
        Arrays.sort(sorted, comparator);
        int count = Math.max(0, Math.min(partitions - 1, sorted.length));
        Object[] bounds = new Object[count];
        int kept = 0;
        for (int i = 1; i <= count; i++) {
            Object bound = sorted[(int) ((long) i * sorted.length / (count + 1))];
            if (kept == 0 || comparator.compare(bounds[kept - 1], bound) < 0) {
                bounds[kept++] = bound;
            }
        }
        return new RangePartitioner(Arrays.copyOf(bounds, kept), comparator, ascending);
    }

    @Override
    public int numPartitions() {
        return bounds.length + 1;
    }

    @Override
    public int partition(Object key) {
        int low = 0;
        int high = bounds.length;
        while (low < high) { // first bound >= key
            int middle = (low + high) >>> 1;
            if (ordering.compare(bounds[middle], key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return ascending ? low : bounds.length - low;
    }
}
