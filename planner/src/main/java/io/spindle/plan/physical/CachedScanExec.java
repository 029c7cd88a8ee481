package io.spindle.plan.physical;

import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PlanText;
import java.util.List;

/** Reads a cached Dataset's blocks, one partition per block; a lost block is recomputed from its recipe. */
public record CachedScanExec(int cacheId, List<ColumnRef> output, List<CachedBlockRef> blocks) implements SourceExec {

    public CachedScanExec {
        output = List.copyOf(output);
        blocks = List.copyOf(blocks);
    }

    @Override
    public int partitionCount() {
        return blocks.size();
    }

    @Override
    public SourceExec slice(int partition) {
        return new CachedScanExec(cacheId, output, List.of(blocks.get(partition)));
    }

    @Override
    public SourceExec empty() {
        return new CachedScanExec(cacheId, output, List.of());
    }

    @Override
    public String nodeString() {
        return "CachedScan " + cacheId + " " + PlanText.list(output) + ", " + blocks.size() + " blocks";
    }
}
