package io.spindle.runtime.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The blocks of cached Datasets this executor JVM holds, each the serialized batches of one
 * partition. A block stays in memory while all in-memory blocks fit the budget its cache sink
 * names ({@code spindle.cache.memoryBudget}); past it, the block goes to a file in the local
 * directory. Blocks live as long as the executor: a task that finds its block missing computes
 * it again (see {@link CachedScanOperator}).
 */
public final class CachedBlockStore {
    private static final CachedBlockStore INSTANCE = new CachedBlockStore();

    private record Key(int cacheId, int partition) {
    }

    /** In memory ({@code data} set) or on disk ({@code file} set); {@code length} bytes either way. */
    private record Block(byte[] data, Path file, int length) {
    }

    private final Map<Key, Block> blocks = new HashMap<>();
    private long memoryBytes;
    private long memoryBudget = Long.MAX_VALUE;
    private long blocksInMemory;
    private long blocksOnDisk;
    private long recomputed;

    private CachedBlockStore() {
    }

    public static CachedBlockStore instance() {
        return INSTANCE;
    }

    /**
     * Keeps {@code data[0, length)} as the block; replaces one an earlier attempt stored. Returns
     * whether it stayed in memory.
     */
    public synchronized boolean put(int cacheId, int partition, byte[] data, int length, long budget,
            Path localDirectory) {
        memoryBudget = budget;
        remove(new Key(cacheId, partition));
        if (memoryBytes + length <= budget) {
            byte[] copy = data.length == length ? data : java.util.Arrays.copyOf(data, length);
            blocks.put(new Key(cacheId, partition), new Block(copy, null, length));
            memoryBytes += length;
            blocksInMemory++;
            return true;
        }
        try {
            Files.createDirectories(localDirectory);
            Path file = localDirectory.resolve("cache-" + cacheId + "-" + partition + "-" + UUID.randomUUID());
            try (var out = Files.newOutputStream(file)) {
                out.write(data, 0, length);
            }
            file.toFile().deleteOnExit();
            blocks.put(new Key(cacheId, partition), new Block(null, file, length));
            blocksOnDisk++;
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write cached block " + cacheId + "/" + partition + " under "
                    + localDirectory + ": " + e.getMessage() + "; check spindle.local.dir", e);
        }
    }

    /** The block's bytes, or null when this executor does not have it. */
    public byte[] get(int cacheId, int partition) {
        Block block;
        synchronized (this) {
            block = blocks.get(new Key(cacheId, partition));
        }
        if (block == null) {
            return null;
        }
        if (block.data() != null) {
            return block.data();
        }
        try {
            return Files.readAllBytes(block.file());
        } catch (IOException e) {
            synchronized (this) {
                blocks.remove(new Key(cacheId, partition)); // a lost file is a lost block: recompute it
            }
            return null;
        }
    }

    /** The budget the last cache sink named, for blocks recomputed by readers. */
    public synchronized long memoryBudget() {
        return memoryBudget;
    }

    synchronized void countRecomputed() {
        recomputed++;
    }

    /** Frees the blocks of every cache not in {@code liveCacheIds} (uncached since they were written). */
    public synchronized void retainOnly(Set<Integer> liveCacheIds) {
        Iterator<Map.Entry<Key, Block>> entries = blocks.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Key, Block> entry = entries.next();
            if (!liveCacheIds.contains(entry.getKey().cacheId())) {
                free(entry.getValue());
                entries.remove();
            }
        }
    }

    /** Drops every block, as losing the executor would. */
    public synchronized void clear() {
        blocks.values().forEach(this::free);
        blocks.clear();
    }

    private void remove(Key key) {
        Block old = blocks.remove(key);
        if (old != null) {
            free(old);
        }
    }

    private void free(Block block) {
        if (block.data() != null) {
            memoryBytes -= block.length();
        } else {
            try {
                Files.deleteIfExists(block.file());
            } catch (IOException e) {
                // a leftover file is removed when the JVM exits
            }
        }
    }

    /** Counts since the JVM started: blocks written to memory, to disk, and blocks recomputed by readers. */
    public synchronized long[] counts() {
        return new long[] {blocksInMemory, blocksOnDisk, recomputed};
    }

    public synchronized long memoryBytes() {
        return memoryBytes;
    }
}
