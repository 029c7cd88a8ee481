package io.spindle.formats.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers for the column chunks parquet-mr reads, kept for the next row group when a reader
 * is done with one ({@link ParquetBatchReader} closes each row group's page store before it reads
 * the next, and its last when it closes). A scan reads every projected chunk of a row group into
 * new arrays, tens of MB per query; taken fresh each time they are new memory for the kernel to
 * fault in and for the young collector to copy while a row group is being decoded. Reused, a
 * reader's second row group and every later task on the same thread find them ready.
 *
 * <p>Only buffers that parquet-mr hands back are reused, and only after it has: the data pages of
 * a row group are decoded into Spindle's vectors (values and dictionaries are copied), so nothing
 * points into a chunk once its page store is closed. Arrays are sized up to a multiple of
 * {@link #GRANULE} so that chunks of similar size share them (a request under {@link #SMALL}, a
 * page index or a dictionary probe, gets a plain array of its own), and the pool keeps at most
 * {@link #capacityBytes()} (1/32 of the heap, at most 64 MiB); what would exceed that is left to the
 * collector, as without the pool.
 */
final class ChunkBufferPool implements ByteBufferAllocator {
    static final int GRANULE = 256 << 10;

    /** Requests under this size get an array of their own, neither rounded up nor pooled. */
    static final int SMALL = 64 << 10;

    private static final ChunkBufferPool SHARED =
            new ChunkBufferPool(Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32));

    private final long capacityBytes;
    private final List<byte[]> free = new ArrayList<>();
    private long freeBytes;

    ChunkBufferPool(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    static ChunkBufferPool shared() {
        return SHARED;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** A heap buffer of exactly {@code size} bytes remaining, over a pooled array when one fits. */
    @Override
    public ByteBuffer allocate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative buffer size " + size);
        }
        if (size < SMALL) {
            // Page indexes, footers' neighbours, dictionary probes: small, and often not handed back.
            return ByteBuffer.allocate(size);
        }
        byte[] array = take(size);
        if (array == null) {
            long rounded = ((long) size + GRANULE - 1) / GRANULE * GRANULE;
            array = new byte[(int) Math.min(rounded, Integer.MAX_VALUE - 8)];
        }
        return ByteBuffer.wrap(array, 0, size).slice();
    }

    /** Takes back the array under a buffer {@link #allocate} handed out, if there is room. */
    @Override
    public void release(ByteBuffer buffer) {
        if (buffer == null || !buffer.hasArray() || buffer.arrayOffset() != 0 || buffer.array().length < GRANULE) {
            return;
        }
        byte[] array = buffer.array();
        synchronized (this) {
            if (freeBytes + array.length > capacityBytes) {
                return;
            }
            for (byte[] pooled : free) {
                if (pooled == array) {
                    return; // released twice: keep one entry, or two readers would share it
                }
            }
            free.add(array);
            freeBytes += array.length;
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** The smallest pooled array of at least {@code size} bytes (and at most twice that), removed. */
    private synchronized byte[] take(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int length = free.get(i).length;
            if (length >= size && length <= 2L * Math.max(size, GRANULE)
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
