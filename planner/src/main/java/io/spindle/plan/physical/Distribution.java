package io.spindle.plan.physical;

import io.spindle.plan.expr.Expression;
import java.io.Serializable;
import java.util.List;

/**
 * How rows must be spread over partitions for a node to be correct.
 *
 * @param kind UNSPECIFIED (any), ALL_TUPLES (one partition), CLUSTERED (equal keys in one partition)
 */
public record Distribution(Kind kind, List<Expression> keys) implements Serializable {
    public enum Kind { UNSPECIFIED, ALL_TUPLES, CLUSTERED }

    public static final Distribution UNSPECIFIED = new Distribution(Kind.UNSPECIFIED, List.of());
    public static final Distribution ALL_TUPLES = new Distribution(Kind.ALL_TUPLES, List.of());

    public Distribution {
        keys = List.copyOf(keys);
    }

    public static Distribution clustered(List<? extends Expression> keys) {
        return keys.isEmpty() ? ALL_TUPLES : new Distribution(Kind.CLUSTERED, List.copyOf(keys));
    }
}
