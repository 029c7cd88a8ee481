package io.spindle.runtime.rdd;

import java.util.function.BiConsumer;

/**
 * An open-addressing hash table from keys to combiners for {@link ExternalCombiner}: keys and
 * values interleaved in one array, so a lookup touches the slot (key and value side by side), the
 * key object and its contents, and no per-entry node or box. Linear probing at a load of at most
 * one half; a stored key's hash code is compared before equals (a String caches its own). Null
 * keys and null combiners are held as sentinels. Entries are never removed; the table is dropped
 * whole.
 */
final class CombineTable<K, C> {
    private static final Object NULL = new Object();

    private Object[] data = new Object[2 * 64];
    private int size;

    int size() {
        return size;
    }

    /** The slot of the key's entry (an even index), or {@code -(empty slot) - 1} when it is absent. */
    int find(K key) {
        Object wanted = key == null ? NULL : key;
        int hash = wanted.hashCode();
        Object[] table = data;
        int mask = (table.length >> 1) - 1;
        int position = spread(hash) & mask;
        while (true) {
            Object stored = table[2 * position];
            if (stored == null) {
                return -(2 * position) - 1;
            }
            if (stored == wanted || (stored.hashCode() == hash && stored.equals(wanted))) {
                return 2 * position;
            }
            position = (position + 1) & mask;
        }
    }

    /** Adds a key {@link #find} did not find, at the empty slot it returned. */
    void insertAt(int empty, K key, C value) {
        data[empty] = key == null ? NULL : key;
        data[empty + 1] = value == null ? NULL : value;
        size++;
        if (2 * size > data.length >> 1) {
            grow();
        }
    }

    @SuppressWarnings("unchecked")
    C valueAt(int slot) {
        Object value = data[slot + 1];
        return value == NULL ? null : (C) value;
    }

    void setAt(int slot, C value) {
        data[slot + 1] = value == null ? NULL : value;
    }

    private void grow() {
        Object[] old = data;
        data = new Object[old.length * 2];
        int mask = (data.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            Object key = old[i];
            if (key != null) {
                int position = spread(key.hashCode()) & mask;
                while (data[2 * position] != null) {
                    position = (position + 1) & mask;
                }
                data[2 * position] = key;
                data[2 * position + 1] = old[i + 1];
            }
        }
    }

    /** Hash codes are often poor in their low bits (small strings, sequential numbers): mix them. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Calls {@code visitor} with every entry, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<K, C> visitor) {
        for (int i = 0; i < data.length; i += 2) {
            Object key = data[i];
            if (key != null) {
                Object value = data[i + 1];
                visitor.accept(key == NULL ? null : (K) key, value == NULL ? null : (C) value);
            }
        }
    }
}
