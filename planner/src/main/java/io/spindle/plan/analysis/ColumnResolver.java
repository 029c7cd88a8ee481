package io.spindle.plan.analysis;

import io.spindle.conf.EditDistance;
import io.spindle.plan.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a column by name among a plan's input columns, ignoring case as Spark and Hive do, and
 * explains a miss with the closest name: {@code Column 'prise' not found; did you mean 'price'?
 * Available: price, qty}.
 */
public final class ColumnResolver {
    private ColumnResolver() {}

    public static ColumnRef resolve(String name, List<ColumnRef> input) {
        List<ColumnRef> matches = new ArrayList<>();
        for (ColumnRef column : input) {
            if (column.name().equalsIgnoreCase(name)) {
                matches.add(column);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw new AnalysisException("Column '" + name + "' is ambiguous: it matches " + matches.size()
                    + " input columns " + matches + "; rename one of them first");
        }
        throw new AnalysisException(notFound(name, input));
    }

    static String notFound(String name, List<ColumnRef> input) {
        StringBuilder message = new StringBuilder("Column '").append(name).append("' not found");
        closest(name, input).ifPresentOrElse(best -> message.append("; did you mean '").append(best).append("'?"),
                () -> message.append('.'));
        message.append(" Available: ").append(input.stream().map(ColumnRef::name).collect(Collectors.joining(", ")));
        return message.toString();
    }

    private static Optional<String> closest(String name, List<ColumnRef> input) {
        String target = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ColumnRef column : input) {
            int distance = EditDistance.between(target, column.name().toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = column.name();
                bestDistance = distance;
            }
        }
        // Only a plausible typo is worth suggesting.
        return bestDistance <= Math.max(2, target.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }
}
