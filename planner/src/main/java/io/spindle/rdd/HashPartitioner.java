package io.spindle.rdd;

/** Partitions by the key's hash code, spread; a null key goes to partition 0. */
public record HashPartitioner(int numPartitions) implements Partitioner {

    public HashPartitioner {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("A partitioner needs at least one partition, got " + numPartitions);
        }
    }

    @Override
    public int partition(Object key) {
        if (key == null) {
            return 0;
        }
        int hash = key.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        return Math.floorMod(hash, numPartitions);
    }
}
