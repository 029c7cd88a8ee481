package io.spindle.runtime.rdd;

import java.util.function.BiConsumer;

/**
 * An open-addressing hash table from keys to combiners for {@link ExternalCombiner}, in parallel
 * arrays: the keys' hash codes ({@code int[]}), the keys, and the combiners. A probe compares the
 * stored hash code first, so a colliding slot never dereferences its key; only an equal hash
 * calls {@code equals}. Linear probing at a load of at most one half.
 *
 * <p>A combiner that is a {@link Long} is kept unboxed in a {@code long[]} (its object slot holds
 * a marker), so a running sum neither keeps a box per key alive nor stores a fresh reference per
 * update; {@link #valueAt} boxes it again. {@code Long} is a value-based class, so only box
 * identity is lost, never a value: any other combiner (or a null) is stored as it is, per slot.
 * Null keys and null combiners are held as sentinels. Entries are never removed; the table is
 * dropped whole.
 */
final class CombineTable<K, C> {
    /** Heap bytes per slot: hash, key reference, combiner reference, unboxed long. */
    static final long SLOT_BYTES = 4 + 8 + 8 + 8;

    private static final Object NULL = new Object();
    private static final Object IN_LONGS = new Object();

    private int[] hashes;
    private Object[] keys;
    private Object[] values;
    private long[] longs;
    private int size;

    CombineTable() {
        this(1 << 10);
    }

    /** @param capacity slots to start with, a power of two */
    CombineTable(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("Capacity must be a power of two, got " + capacity);
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        keys = new Object[capacity];
        values = new Object[capacity];
        longs = new long[capacity];
    }

    int size() {
        return size;
    }

    int capacity() {
        return keys.length;
    }

    /** The slot of the key's entry, or {@code -(empty slot) - 1} when it is absent. */
    int find(K key) {
        Object wanted = key == null ? NULL : key;
        int hash = wanted.hashCode();
        int[] storedHashes = hashes;
        Object[] storedKeys = keys;
        int mask = storedKeys.length - 1;
        int position = spread(hash) & mask;
        while (true) {
            Object stored = storedKeys[position];
            if (stored == null) {
                return -position - 1;
            }
            if (storedHashes[position] == hash && (stored == wanted || stored.equals(wanted))) {
                return position;
            }
            position = (position + 1) & mask;
        }
    }

    /** Adds a key {@link #find} did not find, at the empty slot it returned; may grow the table. */
    void insertAt(int empty, K key, C value) {
        Object stored = key == null ? NULL : key;
        hashes[empty] = stored.hashCode();
        keys[empty] = stored;
        setAt(empty, value);
        size++;
        if (2 * size > keys.length) {
            grow();
        }
    }

    /** Whether the combiner at {@code slot} is a Long held unboxed ({@link #longAt}). */
    boolean holdsLong(int slot) {
        return values[slot] == IN_LONGS;
    }

    long longAt(int slot) {
        return longs[slot];
    }

    @SuppressWarnings("unchecked")
    C valueAt(int slot) {
        Object value = values[slot];
        if (value == IN_LONGS) {
            return (C) Long.valueOf(longs[slot]);
        }
        return value == NULL ? null : (C) value;
    }

    void setAt(int slot, Object value) {
        if (value instanceof Long number) {
            longs[slot] = number;
            if (values[slot] != IN_LONGS) {
                values[slot] = IN_LONGS;
            }
        } else {
            values[slot] = value == null ? NULL : value;
        }
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        long[] oldLongs = longs;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            Object key = oldKeys[i];
            if (key != null) {
                int position = spread(oldHashes[i]) & mask;
                while (keys[position] != null) {
                    position = (position + 1) & mask;
                }
                hashes[position] = oldHashes[i];
                keys[position] = key;
                values[position] = oldValues[i];
                longs[position] = oldLongs[i];
            }
        }
    }

    /** Hash codes are often poor in their low bits (small strings, sequential numbers): mix them. */
    static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Calls {@code visitor} with every entry, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<K, C> visitor) {
        for (int i = 0; i < keys.length; i++) {
            Object key = keys[i];
            if (key != null) {
                visitor.accept(key == NULL ? null : (K) key, valueAt(i));
            }
        }
    }
}
