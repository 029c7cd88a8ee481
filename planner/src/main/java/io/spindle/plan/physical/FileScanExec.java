package io.spindle.plan.physical;

import io.spindle.formats.FileSplit;
import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.PlanText;
import java.util.List;

/** Reads file splits, one split per partition, with column pruning and an advisory pushed predicate. */
public record FileScanExec(String format, Schema requiredSchema, Predicate pushedPredicate, List<ColumnRef> output,
        List<FileSplit> splits) implements SourceExec {

    public FileScanExec {
        output = List.copyOf(output);
        splits = List.copyOf(splits);
    }

    @Override
    public int partitionCount() {
        return splits.size();
    }

    @Override
    public SourceExec slice(int partition) {
        return new FileScanExec(format, requiredSchema, pushedPredicate, output, List.of(splits.get(partition)));
    }

    @Override
    public SourceExec empty() {
        return new FileScanExec(format, requiredSchema, pushedPredicate, output, List.of());
    }

    public long totalBytes() {
        return splits.stream().mapToLong(FileSplit::length).sum();
    }

    @Override
    public String nodeString() {
        return "FileScan " + format + " " + PlanText.list(output) + (pushedPredicate == null ? ""
                : " pushed=[" + pushedPredicate + "]") + ", " + splits.size() + " splits";
    }
}
