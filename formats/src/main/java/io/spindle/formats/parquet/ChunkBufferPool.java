package io.spindle.formats.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for the column chunks parquet-mr reads, kept for the next row group when a reader
 * is done with one ({@link ParquetBatchReader} closes each row group's page store before it reads
 * the next, after its last, and when it closes). A scan reads every projected chunk of a row group
 * into new arrays, tens of MB per query; taken fresh each time they are new memory for the kernel
 * to fault in and for the young collector to copy while a row group is being decoded. Reused, a
 * reader's next row group, and later tasks on any thread of the JVM, find them ready.
 *
 * <p>Only buffers that parquet-mr hands back are reused, and only after it has: the data pages of
 * a row group are decoded into Spindle's vectors (values and dictionaries are copied), so nothing
 * points into a chunk once its page store is closed. Only requests of at least {@link #LARGE} are
 * pooled (column chunks; parquet-mr also asks this allocator for footers, dictionary pages and
 * decompressed V2 pages, which get plain arrays of their exact size). Pooled arrays are sized up to
 * a multiple of {@link #GRANULE}, a request takes one at most a quarter larger than itself, and the
 * pool keeps at most 1/32 of the heap (at most 64 MiB), outside the task
 * memory budget; what would exceed that is left to the collector, as without the pool. An array is
 * taken back only while it is out (handed out and not yet returned): a buffer released twice is
 * pooled once, and one the pool never handed out is ignored. (A second release that came after the
 * array had been handed out again could not be told from the new holder's; parquet-mr releases each
 * buffer once, when its page store or reader closes.)
 */
final class ChunkBufferPool implements ByteBufferAllocator {
    static final int GRANULE = 256 << 10;

    /** Requests under this size get an array of their own, neither rounded up nor pooled. */
    static final int LARGE = 1 << 20;

    private static final ChunkBufferPool SHARED =
            new ChunkBufferPool(Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32));

    private final long capacityBytes;
    private final List<byte[]> free = new ArrayList<>();
    private long freeBytes;
    /** Arrays handed out and not yet taken back (weakly: one never returned is not kept alive). */
    private final Set<byte[]> out = Collections.newSetFromMap(new WeakHashMap<>());

    ChunkBufferPool(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    static ChunkBufferPool shared() {
        return SHARED;
    }

    /** A heap buffer of exactly {@code size} bytes remaining, over a pooled array when one fits. */
    @Override
    public ByteBuffer allocate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative buffer size " + size);
        }
        if (size < LARGE) {
            return ByteBuffer.allocate(size);
        }
        byte[] array = take(size);
        if (array == null) {
            long rounded = ((long) size + GRANULE - 1) / GRANULE * GRANULE;
            array = new byte[(int) Math.min(rounded, Integer.MAX_VALUE - 8)];
        }
        synchronized (this) {
            out.add(array);
        }
        return ByteBuffer.wrap(array, 0, size).slice();
    }

    /** Takes back the array under a buffer {@link #allocate} handed out, if there is room. */
    @Override
    public void release(ByteBuffer buffer) {
        if (buffer == null || !buffer.hasArray() || buffer.arrayOffset() != 0) {
            return;
        }
        byte[] array = buffer.array();
        synchronized (this) {
            if (!out.remove(array)) {
                return; // not handed out by this pool, or already back: never pooled twice
            }
            if (freeBytes + array.length > capacityBytes) {
                return;
            }
            free.add(array);
            freeBytes += array.length;
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** The smallest pooled array of at least {@code size} bytes (and at most a quarter more), removed. */
    private synchronized byte[] take(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int length = free.get(i).length;
            if (length >= size && length <= size + size / 4L
                    && (best < 0 || length < free.get(best).length)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        byte[] array = free.remove(best);
        freeBytes -= array.length;
        return array;
    }

    synchronized long pooledBytes() {
        return freeBytes;
    }
}
