package io.spindle.runtime.exec;

import io.spindle.formats.batch.BooleanVector;
import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.batch.ColumnVector;
import io.spindle.formats.batch.LongVector;
import io.spindle.formats.types.Schema;
import io.spindle.plan.logical.JoinType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The probe half of a {@link HashJoinOperator}: looks each probe row's key up in a
 * {@link JoinHashTable}, collects (probe row, build row) pairs up to a batch, checks the residual
 * on them as a batch, marks both sides' matches and queues the joined batches; then adds what the
 * join type wants of the unmatched (outer joins) or matched (semi, anti) rows. The same prober
 * serves the in-memory table and each grace partition's table in turn.
 */
final class HashJoinProber {
    private final JoinType joinType;
    private final boolean buildLeft;
    private final List<VectorEvaluator> probeKeys;
    private final VectorEvaluator residual;
    private final Schema probeSchema;
    private final Schema buildSchema;
    private final Schema joinedSchema;
    private final Schema outputSchema;
    private final int batchRows;
    private final boolean probePreserved;
    private final ArrayDeque<ColumnBatch> ready;
    private final ReusableBatches outputBatches;

    // The pairs of the probe batch being joined: probe row, build row.
    private int[] pairProbe = new int[1024];
    private int[] pairBuild = new int[1024];
    private int pairs;

    HashJoinProber(JoinType joinType, boolean buildLeft, List<VectorEvaluator> probeKeys, VectorEvaluator residual,
            Schema probeSchema, Schema buildSchema, Schema joinedSchema, Schema outputSchema, int batchRows,
            boolean probePreserved, ArrayDeque<ColumnBatch> ready, ReusableBatches outputBatches) {
        this.joinType = joinType;
        this.buildLeft = buildLeft;
        this.probeKeys = probeKeys;
        this.residual = residual;
        this.probeSchema = probeSchema;
        this.buildSchema = buildSchema;
        this.joinedSchema = joinedSchema;
        this.outputSchema = outputSchema;
        this.batchRows = batchRows;
        this.probePreserved = probePreserved;
        this.ready = ready;
        this.outputBatches = outputBatches;
    }

    /** Joins one probe batch against {@code hashTable}; output batches go to the ready queue. */
    void probe(ColumnBatch batch, JoinHashTable hashTable) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        ColumnVector[] keys = JoinHashTable.evaluateKeys(probeKeys, batch);
        boolean[] probeMatched = new boolean[rows];
        boolean firstMatchOnly = joinType.leftOnly() && residual == null;
        pairs = 0;
        if (hashTable.directlyIndexed() && keys.length == 1 && keys[0] instanceof LongVector longKeys) {
            probeDirect(batch, hashTable, longKeys, probeMatched, firstMatchOnly);
        } else {
            probeHashed(batch, hashTable, keys, probeMatched, firstMatchOnly);
        }
        flushPairs(batch, hashTable, probeMatched);
        if (joinType == JoinType.LEFT_SEMI || joinType == JoinType.LEFT_ANTI) {
            emitProbeRows(batch, probeMatched, joinType == JoinType.LEFT_SEMI);
        } else if (probePreserved) {
            for (int r = 0; r < rows; r++) {
                if (!probeMatched[r]) {
                    addPair(r, -1);
                    if (pairs >= batchRows) {
                        ready.add(joined(batch, hashTable.rows));
                        pairs = 0;
                    }
                }
            }
            if (pairs > 0) {
                ready.add(joined(batch, hashTable.rows));
                pairs = 0;
            }
        }
    }

    private void probeHashed(ColumnBatch batch, JoinHashTable hashTable, ColumnVector[] keys, boolean[] probeMatched,
            boolean firstMatchOnly) {
        int rows = batch.rowCount();
        int[] hashes = JoinHashTable.hash(keys, rows);
        for (int r = 0; r < rows; r++) {
            if (JoinHashTable.anyNull(keys, r)) {
                continue;
            }
            int hash = hashes[r];
            for (int b = hashTable.firstCandidate(hash); b >= 0; b = hashTable.nextCandidate(b)) {
                if (hashTable.matches(b, hash, keys, r)) {
                    if (firstMatchOnly) {
                        probeMatched[r] = true;
                        break;
                    }
                    addPair(r, b);
                    if (pairs >= batchRows) {
                        flushPairs(batch, hashTable, probeMatched);
                    }
                }
            }
        }
    }

    /** The probe loop for one long key against a directly indexed build side: no hashing, no key compares. */
    private void probeDirect(ColumnBatch batch, JoinHashTable hashTable, LongVector keys, boolean[] probeMatched,
            boolean firstMatchOnly) {
        long[] values = keys.values();
        boolean[] nulls = keys.nulls();
        boolean noNulls = keys.noNulls();
        int rows = batch.rowCount();
        for (int r = 0; r < rows; r++) {
            if (!noNulls && nulls[r]) {
                continue;
            }
            for (int b = hashTable.firstWithKey(values[r]); b >= 0; b = hashTable.nextWithKey(b)) {
                if (firstMatchOnly) {
                    probeMatched[r] = true;
                    break;
                }
                addPair(r, b);
                if (pairs >= batchRows) {
                    flushPairs(batch, hashTable, probeMatched);
                }
            }
        }
    }

    private void addPair(int probeRow, int buildRow) {
        if (pairs == pairProbe.length) {
            pairProbe = Arrays.copyOf(pairProbe, pairs * 2);
            pairBuild = Arrays.copyOf(pairBuild, pairs * 2);
        }
        pairProbe[pairs] = probeRow;
        pairBuild[pairs] = buildRow;
        pairs++;
    }

    /** Checks the residual on the collected pairs, marks the matches and emits the matching pairs. */
    private void flushPairs(ColumnBatch batch, JoinHashTable hashTable, boolean[] probeMatched) {
        if (pairs == 0) {
            return;
        }
        ColumnBatch joined = joined(batch, hashTable.rows);
        int kept = pairs;
        if (residual != null) {
            ColumnVector result = residual.evaluate(joined);
            boolean[] values = ((BooleanVector) result).values();
            int[] passing = new int[pairs];
            kept = 0;
            for (int i = 0; i < pairs; i++) {
                if (!result.isNull(i) && values[i]) {
                    passing[kept] = i;
                    pairProbe[kept] = pairProbe[i];
                    pairBuild[kept] = pairBuild[i];
                    kept++;
                }
            }
            if (kept < pairs && !joinType.leftOnly()) {
                ColumnBatch all = joined;
                joined = Vectors.select(all, joinedSchema, passing, kept);
                outputBatches.recycle(all);
            }
        }
        for (int i = 0; i < kept; i++) {
            probeMatched[pairProbe[i]] = true;
            hashTable.matched[pairBuild[i]] = true;
        }
        if (!joinType.leftOnly() && kept > 0) {
            ready.add(joined);
        } else {
            outputBatches.recycle(joined);
        }
        pairs = 0;
    }

    /** The current pairs as a batch of left columns then right columns; row -1 of a side is NULLs. */
    private ColumnBatch joined(ColumnBatch probeBatch, ColumnBatch buildBatch) {
        ColumnBatch out = outputBatches.take(pairs);
        int probeWidth = probeSchema.size();
        int buildWidth = buildSchema.size();
        int buildOffset = buildLeft ? 0 : probeWidth;
        int probeOffset = buildLeft ? buildWidth : 0;
        for (int c = 0; c < probeWidth; c++) {
            gather(probeBatch, c, pairProbe, out.column(probeOffset + c));
        }
        for (int c = 0; c < buildWidth; c++) {
            gather(buildBatch, c, pairBuild, out.column(buildOffset + c));
        }
        out.setRowCount(pairs);
        return out;
    }

    private void gather(ColumnBatch source, int column, int[] rows, ColumnVector target) {
        target.ensureCapacity(Math.max(1, pairs));
        int i = 0;
        while (i < pairs) {
            if (rows[i] < 0) {
                target.setNull(i);
                i++;
                continue;
            }
            int end = i;
            while (end < pairs && rows[end] >= 0) {
                end++;
            }
            Vectors.gather(source.column(column), rows, i, end - i, target, i);
            i = end;
        }
    }

    private void emitProbeRows(ColumnBatch batch, boolean[] matched, boolean wanted) {
        int[] selected = new int[batch.rowCount()];
        int count = 0;
        for (int r = 0; r < batch.rowCount(); r++) {
            if (matched[r] == wanted) {
                selected[count++] = r;
            }
        }
        if (count > 0) {
            ready.add(Vectors.select(batch, outputSchema, selected, count));
        }
    }

    /** The build rows no probe row matched, with NULLs for the probe side (build-preserving outer joins). */
    void emitUnmatchedBuild(JoinHashTable hashTable) {
        ColumnBatch buildRows = hashTable.rows;
        pairs = 0;
        for (int b = 0; b < buildRows.rowCount(); b++) {
            if (!hashTable.matched[b]) {
                addPair(-1, b);
                if (pairs >= batchRows) {
                    ready.add(joined(null, buildRows));
                    pairs = 0;
                }
            }
        }
        if (pairs > 0) {
            ready.add(joined(null, buildRows));
            pairs = 0;
        }
    }
}
