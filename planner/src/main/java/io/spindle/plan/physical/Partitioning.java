package io.spindle.plan.physical;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.PlanText;
import java.io.Serializable;
import java.util.List;

/**
 * How a node's output rows are spread over partitions. The number of hash partitions is not part
 * of the plan: the scheduler picks it from the data size when the stage runs.
 */
public record Partitioning(Kind kind, List<Expression> keys) implements Serializable {
    public enum Kind { UNKNOWN, SINGLE, HASH }

    public static final Partitioning UNKNOWN = new Partitioning(Kind.UNKNOWN, List.of());
    public static final Partitioning SINGLE = new Partitioning(Kind.SINGLE, List.of());

    public Partitioning {
        keys = List.copyOf(keys);
    }

    public static Partitioning hash(List<? extends Expression> keys) {
        return new Partitioning(Kind.HASH, List.copyOf(keys));
    }

    public boolean satisfies(Distribution required) {
        switch (required.kind()) {
            case UNSPECIFIED: return true;
            case ALL_TUPLES: return kind == Kind.SINGLE;
            case CLUSTERED: return kind == Kind.SINGLE || (kind == Kind.HASH && keys.equals(required.keys()));
        }
        throw new AssertionError(required);
    }

    /** The partitioning that provides {@code required}. */
    public static Partitioning providing(Distribution required) {
        switch (required.kind()) {
            case ALL_TUPLES: return SINGLE;
            case CLUSTERED: return hash(required.keys());
            case UNSPECIFIED: return UNKNOWN;
        }
        throw new AssertionError(required);
    }

    @Override
    public String toString() {
        switch (kind) {
            case HASH: return "hash" + PlanText.list(keys);
            case SINGLE: return "single";
            case UNKNOWN: return "unknown";
        }
        throw new AssertionError(kind);
    }
}
