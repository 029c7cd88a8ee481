package io.spindle.plan.physical;

import io.spindle.formats.predicate.Predicate;
import io.spindle.formats.split.CombinedSplit;
import io.spindle.formats.types.Schema;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.FormatSpec;
import io.spindle.plan.logical.PlanText;
import java.util.List;

/**
 * Reads files, one {@link CombinedSplit} (several file ranges, with their partition values) per
 * partition, with column pruning and an advisory pushed predicate. {@code selection} says which
 * partitions and files survived pruning, for {@code explain()}.
 */
public record FileScanExec(FormatSpec format, Schema requiredSchema, Predicate pushedPredicate, List<ColumnRef> output,
        List<CombinedSplit> splits, String selection) implements SourceExec {

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
        return new FileScanExec(format, requiredSchema, pushedPredicate, output, List.of(splits.get(partition)),
                selection);
    }

    @Override
    public SourceExec empty() {
        return new FileScanExec(format, requiredSchema, pushedPredicate, output, List.of(), selection);
    }

    public long totalBytes() {
        return splits.stream().mapToLong(CombinedSplit::totalBytes).sum();
    }

    @Override
    public String nodeString() {
        return "FileScan " + format.name() + " " + PlanText.list(output) + (pushedPredicate == null ? ""
                : " pushed=[" + pushedPredicate + "]") + ", " + selection + ", " + splits.size() + " splits";
    }
}
