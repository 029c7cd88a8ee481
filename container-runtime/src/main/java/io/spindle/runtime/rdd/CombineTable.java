package io.spindle.runtime.rdd;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * An open-addressing hash table from keys to combiners for {@link ExternalCombiner}, laid out so a
 * probe touches few cache lines. Each slot is three longs side by side: the key's hash code with
 * its entry number, the key itself when it is a short string ({@link #pack}), and the combiner when
 * it is held unboxed. A short string key (up to {@value #PACKED_CHARS} Latin-1 chars: most words,
 * codes, names) is compared as one long in the slot, so finding it never dereferences a key and
 * never computes {@code String.hashCode}. Any other key compares the stored hash code first, so a
 * colliding slot never dereferences its key; an equal hash dereferences the key, found by entry
 * number in a dense array in insertion order (frequent keys tend to come first, so they share a few
 * hot cache lines). Linear probing at a load of at most one half.
 *
 * <p>A combiner that is a {@link Long} is held unboxed in its slot, so a running sum neither keeps
 * a box per key alive nor stores a fresh reference per update; {@link #valueAt} boxes it again.
 * {@code Long} is a value-based class, so only box identity is lost, never a value. While every
 * combiner is a Long there is no object array for combiners at all; the first other combiner (or
 * a null) creates it, and from then on each entry says whether its combiner is unboxed. Null keys
 * and null combiners are held as sentinels. Entries are never removed; the table is dropped whole.
 */
final class CombineTable<K, C> {
    private static final Object NULL = new Object();
    private static final Object IN_SLOT = new Object();
    private static final int PACKED_CHARS = 7;
    private static final int STRIDE = 3;

    /**
     * Per slot: {@code hash << 32 | (entry + 1)}, 0 when empty; the packed key or 0; then the
     * unboxed combiner.
     */
    private long[] slots;
    private int capacity;
    private Object[] keys;
    /** Per entry: the combiner, or {@link #IN_SLOT}; null while every combiner is unboxed. */
    private Object[] values;
    private int size;

    CombineTable() {
        this(1 << 10);
    }

    /** @param capacity slots to start with, a power of two */
    CombineTable(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("Capacity must be a power of two, got " + capacity);
        }
        this.capacity = capacity;
        slots = new long[STRIDE * capacity];
        keys = new Object[Math.max(8, capacity / 2)];
    }

    int size() {
        return size;
    }

    /** Heap bytes of the table's own arrays (not of the keys and combiners they point to). */
    long tableBytes() {
        return 8L * slots.length + 8L * keys.length + (values == null ? 0 : 8L * values.length);
    }

    /**
     * A string of at most {@value #PACKED_CHARS} chars, all Latin-1, as a non-zero long (its
     * length + 1 in the low 4 bits, then a byte per char), equal for equal strings and different
     * for different ones; 0 for any other key.
     */
    static long pack(Object key) {
        if (!(key instanceof String string) || string.length() > PACKED_CHARS) {
            return 0;
        }
        int length = string.length();
        long packed = length + 1;
        for (int i = 0; i < length; i++) {
            char c = string.charAt(i);
            if (c > 0xFF) {
                return 0;
            }
            packed |= (long) c << (8 * i + 4);
        }
        return packed;
    }

    /** A packed key's hash code in the table (not the string's hashCode, which is never computed). */
    private static int packedHash(long packed) {
        return (int) ((packed * 0x9E3779B97F4A7C15L) >>> 32);
    }

    /** The slot of the key's entry, or {@code -(empty slot) - 1} when it is absent. */
    int find(K key) {
        long packed = pack(key);
        return packed != 0 ? findPacked(packed) : findObject(key == null ? NULL : key);
    }

    private int findPacked(long packed) {
        long[] table = slots;
        int mask = capacity - 1;
        int position = spread(packedHash(packed)) & mask;
        while (true) {
            int base = STRIDE * position;
            if (table[base + 1] == packed) {
                return position;
            }
            if (table[base] == 0) {
                return -position - 1;
            }
            position = (position + 1) & mask;
        }
    }

    private int findObject(Object wanted) {
        int hash = wanted.hashCode();
        long[] table = slots;
        int mask = capacity - 1;
        int position = spread(hash) & mask;
        while (true) {
            long meta = table[STRIDE * position];
            if (meta == 0) {
                return -position - 1;
            }
            if ((int) (meta >>> 32) == hash && table[STRIDE * position + 1] == 0) {
                Object stored = keys[(int) meta - 1];
                if (stored == wanted || stored.equals(wanted)) {
                    return position;
                }
            }
            position = (position + 1) & mask;
        }
    }

    /** Adds a key {@link #find} did not find, at the empty slot it returned; may grow the table. */
    void insertAt(int empty, K key, C value) {
        Object stored = key == null ? NULL : key;
        long packed = pack(key);
        int hash = packed != 0 ? packedHash(packed) : stored.hashCode();
        int entry = size;
        if (entry == keys.length) {
            keys = Arrays.copyOf(keys, 2 * entry);
            if (values != null) {
                values = Arrays.copyOf(values, 2 * entry);
            }
        }
        keys[entry] = stored;
        slots[STRIDE * empty] = ((long) hash << 32) | (entry + 1);
        slots[STRIDE * empty + 1] = packed;
        size++;
        setAt(empty, value);
        if (2 * size > capacity) {
            grow();
        }
    }

    /** Whether the combiner at {@code slot} is a Long held unboxed ({@link #longAt}). */
    boolean holdsLong(int slot) {
        return values == null || values[entry(slot)] == IN_SLOT;
    }

    long longAt(int slot) {
        return slots[STRIDE * slot + 2];
    }

    /** Replaces a combiner held unboxed ({@link #holdsLong}) with another long. */
    void setLongAt(int slot, long value) {
        slots[STRIDE * slot + 2] = value;
    }

    @SuppressWarnings("unchecked")
    C valueAt(int slot) {
        if (values == null) {
            return (C) Long.valueOf(longAt(slot));
        }
        Object value = values[entry(slot)];
        if (value == IN_SLOT) {
            return (C) Long.valueOf(longAt(slot));
        }
        return value == NULL ? null : (C) value;
    }

    void setAt(int slot, Object value) {
        if (value instanceof Long number) {
            slots[STRIDE * slot + 2] = number;
            if (values != null) {
                int entry = entry(slot);
                if (values[entry] != IN_SLOT) {
                    values[entry] = IN_SLOT;
                }
            }
        } else {
            if (values == null) {
                values = new Object[keys.length];
                Arrays.fill(values, 0, size, IN_SLOT);
            }
            values[entry(slot)] = value == null ? NULL : value;
        }
    }

    private int entry(int slot) {
        return (int) slots[STRIDE * slot] - 1;
    }

    private void grow() {
        long[] old = slots;
        capacity *= 2;
        slots = new long[STRIDE * capacity];
        int mask = capacity - 1;
        for (int i = 0; i < old.length; i += STRIDE) {
            long meta = old[i];
            if (meta != 0) {
                int position = spread((int) (meta >>> 32)) & mask;
                while (slots[STRIDE * position] != 0) {
                    position = (position + 1) & mask;
                }
                System.arraycopy(old, i, slots, STRIDE * position, STRIDE);
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
        for (int slot = 0; slot < capacity; slot++) {
            long meta = slots[STRIDE * slot];
            if (meta != 0) {
                Object key = keys[(int) meta - 1];
                visitor.accept(key == NULL ? null : (K) key, valueAt(slot));
            }
        }
    }
}
