package io.spindle.runtime.exec;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.Schema;
import io.spindle.plan.physical.CachedBlockRef;
import io.spindle.plan.physical.CachedScanExec;
import io.spindle.runtime.shuffle.BatchSerde;
import io.spindle.runtime.shuffle.ByteSink;
import java.util.Iterator;

/**
 * Reads the cached blocks of its slice from this executor's {@link CachedBlockStore}. A block the
 * executor does not have (it ran elsewhere, or the executor was replaced) is computed again from
 * its recipe and kept, so the next reader here finds it.
 */
final class CachedScanOperator extends SourceOperator {
    private final Iterator<CachedBlockRef> blocks;
    private final Schema schema;
    private final ExecutionContext context;
    private byte[] data;
    private final int[] position = new int[1];

    CachedScanOperator(CachedScanExec scan, ExecutionContext context) {
        this.blocks = scan.blocks().iterator();
        this.schema = Schemas.positional(scan.output());
        this.context = context;
    }

    @Override
    protected ColumnBatch next() throws Exception {
        while (data == null || position[0] >= data.length) {
            if (!blocks.hasNext()) {
                return null;
            }
            CachedBlockRef block = blocks.next();
            data = CachedBlockStore.instance().get(block.cacheId(), block.partition());
            if (data == null) {
                data = recompute(block);
            }
            position[0] = 0;
        }
        return BatchSerde.read(schema, data, position);
    }

    private byte[] recompute(CachedBlockRef block) throws Exception {
        ByteSink sink = new ByteSink(1 << 16);
        try (Pipeline pipeline = new PipelineBuilder(context).build(block.recipe())) {
            for (ColumnBatch batch = pipeline.next(); batch != null; batch = pipeline.next()) {
                BatchSerde.write(batch, sink);
            }
        }
        CachedBlockStore store = CachedBlockStore.instance();
        store.countRecomputed();
        store.put(block.cacheId(), block.partition(), sink.array(), sink.size(), store.memoryBudget(),
                context.spillDirectory().resolveSibling("spindle-cache"));
        return java.util.Arrays.copyOf(sink.array(), sink.size());
    }
}
