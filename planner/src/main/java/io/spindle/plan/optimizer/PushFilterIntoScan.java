package io.spindle.plan.optimizer;

import io.spindle.formats.predicate.Predicate;
import io.spindle.plan.expr.ColumnRef;
import io.spindle.plan.logical.Filter;
import io.spindle.plan.logical.LogicalPlan;
import io.spindle.plan.logical.Scan;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands the translatable part of a filter directly above a scan to the file reader, which skips
 * row groups whose statistics or dictionaries prove that no row can match.
 *
 * <pre>
 * Filter (a &gt; 5) AND (f(b))          Filter (a &gt; 5) AND (f(b))
 *   +- Scan [a, b]            ==&gt;     +- Scan [a, b] pushed=[a &gt; 5]
 * </pre>
 *
 * Pushdown is advisory — readers return whole row groups — so the filter always stays.
 */
public final class PushFilterIntoScan implements Rule {

    @Override
    public Optional<LogicalPlan> apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Scan scan)) {
            return Optional.empty();
        }
        Map<ColumnRef, String> fileNames = new HashMap<>();
        for (ColumnRef column : scan.output()) {
            fileNames.put(column, scan.fileSchema().field(column.name()).name());
        }
        Optional<Predicate> translated = PredicateTranslator.translate(filter.condition(), fileNames);
        if (translated.isEmpty() || Objects.equals(translated.get(), scan.pushedPredicate())) {
            return Optional.empty();
        }
        return Optional.of(Filter.create(filter.condition(), scan.withPushedPredicate(translated.get())));
    }
}
