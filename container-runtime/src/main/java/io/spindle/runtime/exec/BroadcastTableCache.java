package io.spindle.runtime.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Broadcast hash tables built once per executor JVM and shared by its tasks, as Spark keeps one
 * copy of a broadcast per executor: every task of a broadcast join reads the same build side (the
 * same committed shuffle files, the same keys), so all but the first would rebuild an identical
 * table. A table is shared only read-only (joins whose build rows are not preserved; the
 * {@code matched} flags are then written but never read). The first task to ask builds while the
 * others wait; if it could not build in memory (it spilled), each task builds its own. The few most
 * recently used tables are kept: broadcast sides are small by the planner's threshold, and the key
 * names the shuffle files of one query run, so an old entry is never hit again and only waits to
 * be evicted.
 */
final class BroadcastTableCache {
    private static final int MAX_TABLES = 4;
    private static final Map<Object, Slot> TABLES = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Slot> eldest) {
            return size() > MAX_TABLES;
        }
    };

    private BroadcastTableCache() {}

    /** One table being built or built; {@code table} stays null if its builder spilled or failed. */
    private static final class Slot {
        private boolean done;
        private JoinHashTable table;

        synchronized void complete(JoinHashTable built) {
            table = built;
            done = true;
            notifyAll();
        }

        synchronized JoinHashTable await() throws InterruptedException {
            while (!done) {
                wait();
            }
            return table;
        }
    }

    /**
     * The shared table for {@code key}, built by {@code builder} unless another task has (or is
     * building) it. Null when the table could not be built in memory: the caller then builds its own.
     */
    static JoinHashTable getOrBuild(Object key, Supplier<JoinHashTable> builder) {
        Slot slot;
        boolean owner;
        synchronized (TABLES) {
            slot = TABLES.get(key);
            owner = slot == null;
            if (owner) {
                slot = new Slot();
                TABLES.put(key, slot);
            }
        }
        if (!owner) {
            try {
                return slot.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a broadcast table", e);
            }
        }
        JoinHashTable table = null;
        try {
            table = builder.get();
            return table;
        } finally {
            slot.complete(table);
            if (table == null) {
                synchronized (TABLES) {
                    TABLES.remove(key, slot);
                }
            }
        }
    }
}
