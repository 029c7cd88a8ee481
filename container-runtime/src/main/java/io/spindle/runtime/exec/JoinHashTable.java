package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.runtime.shuffle.KeyHasher;
import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: its rows in one batch, chained by key hash (an array of bucket
 * heads and one next-link per row, no per-row objects). Rows with a NULL key are kept (an outer
 * join may have to emit them) but never linked, so they never match. {@link #matched} records which
 * rows found a partner, for joins that emit the unmatched build rows.
 *
 * <p>A single long key whose values span a range not much wider than the build side (the usual
 * surrogate key of a dimension table) is also indexed directly: an array over the key range holds
 * each key's first row, and rows with the same key are linked in row order. A probe then reads one
 * array slot instead of a hash bucket and the candidates' hashes and keys.
 */
final class JoinHashTable {
    final ColumnBatch rows;
    final ColumnVector[] keys;
    final int[] hashes;
    final boolean[] matched;
    private final int[] heads;
    private final int[] next;
    private final int mask;
    private final RowComparator equality;
    private final long[] longKeys;
    /** Per key - directMin, the first build row with that key, or -1; null when not indexed directly. */
    private final int[] directHeads;
    private final int[] directNext;
    private final long directMin;

    JoinHashTable(ColumnBatch rows, List<VectorEvaluator> keyEvaluators) {
        this.rows = rows;
        int count = rows.rowCount();
        this.keys = evaluateKeys(keyEvaluators, rows);
        this.hashes = hash(keys, count);
        this.matched = new boolean[count];
        int buckets = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
        this.heads = new int[buckets];
        this.next = new int[Math.max(1, count)];
        this.mask = buckets - 1;
        Arrays.fill(heads, -1);
        for (int row = count - 1; row >= 0; row--) {
            if (!anyNull(keys, row)) {
                int bucket = hashes[row] & mask;
                next[row] = heads[bucket];
                heads[bucket] = row;
            }
        }
        boolean[] flags = new boolean[keys.length];
        Arrays.fill(flags, true);
        this.equality = new RowComparator(flags, flags);
        this.longKeys = keys.length == 1 && keys[0] instanceof LongVector single ? single.values() : null;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (longKeys != null) {
            for (int row = 0; row < count; row++) {
                if (!keys[0].isNull(row)) {
                    min = Math.min(min, longKeys[row]);
                    max = Math.max(max, longKeys[row]);
                }
            }
        }
        long range = max - min + 1; // overflows to <= 0 for huge spans
        if (longKeys != null && min <= max && range > 0 && range <= 2L * count + 1024) {
            this.directMin = min;
            this.directHeads = new int[(int) range];
            this.directNext = new int[count];
            Arrays.fill(directHeads, -1);
            for (int row = count - 1; row >= 0; row--) {
                if (!keys[0].isNull(row)) {
                    int slot = (int) (longKeys[row] - min);
                    directNext[row] = directHeads[slot];
                    directHeads[slot] = row;
                }
            }
        } else {
            this.directMin = 0;
            this.directHeads = null;
            this.directNext = null;
        }
    }

    /** Whether the one long key is indexed directly ({@link #firstWithKey}). */
    boolean directlyIndexed() {
        return directHeads != null;
    }

    /** The first build row whose key is {@code key}, or -1; follow with {@link #nextWithKey}. Only when directly indexed. */
    int firstWithKey(long key) {
        long slot = key - directMin;
        return slot >= 0 && slot < directHeads.length ? directHeads[(int) slot] : -1;
    }

    /** The next build row after {@code row} with the same key, or -1. */
    int nextWithKey(int row) {
        return directNext[row];
    }

    /** The first build row that may match {@code hash}, or -1; follow with {@link #nextCandidate}. */
    int firstCandidate(int hash) {
        return heads[hash & mask];
    }

    int nextCandidate(int row) {
        return next[row];
    }

    /** Whether build row {@code row} has the key of probe row {@code probeRow} (with hash {@code hash}). */
    boolean matches(int row, int hash, ColumnVector[] probeKeys, int probeRow) {
        if (hashes[row] != hash) {
            return false;
        }
        if (longKeys != null && probeKeys[0] instanceof LongVector probe) {
            return longKeys[row] == probe.values()[probeRow]; // the fast path: one long key
        }
        return equality.compare(keys, row, probeKeys, probeRow) == 0;
    }

    static ColumnVector[] evaluateKeys(List<VectorEvaluator> evaluators, ColumnBatch batch) {
        ColumnVector[] vectors = new ColumnVector[evaluators.size()];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = evaluators.get(k).evaluate(batch);
        }
        return vectors;
    }

    static int[] hash(ColumnVector[] keys, int count) {
        int[] hashes = new int[Math.max(1, count)];
        for (ColumnVector key : keys) {
            KeyHasher.combine(key, count, hashes);
        }
        return hashes;
    }

    static boolean anyNull(ColumnVector[] keys, int row) {
        for (ColumnVector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
