package io.spindle.plan.physical;

import io.spindle.plan.expr.Expression;
import io.spindle.plan.logical.PlanText;
import java.io.Serializable;
import java.util.List;

/**
 * How a node's output rows are spread over partitions. The number of hash partitions is normally
 * not part of the plan: the scheduler picks it from the data size when the stage runs. Only a
 * user's {@code repartition(n, ...)} fixes it ({@code fixedCount > 0}); such a shuffle is neither
 * coalesced nor taken as a join's co-partitioning (its count need not match the other side's).
 *
 * @param fixedCount the partitions a user asked for, or 0 when the scheduler chooses
 */
public record Partitioning(Kind kind, List<Expression> keys, int fixedCount) implements Serializable {
    /** ROUND_ROBIN deals rows out in turn (repartition(n) without columns). */
    public enum Kind { UNKNOWN, SINGLE, HASH, ROUND_ROBIN }

    public static final Partitioning UNKNOWN = new Partitioning(Kind.UNKNOWN, List.of());
    public static final Partitioning SINGLE = new Partitioning(Kind.SINGLE, List.of());

    public Partitioning {
        keys = List.copyOf(keys);
        if (fixedCount < 0) {
            throw new IllegalArgumentException("A partition count must be positive, got " + fixedCount);
        }
    }

    public Partitioning(Kind kind, List<Expression> keys) {
        this(kind, keys, 0);
    }

    /** {@code count} partitions by {@code keys}, or dealt out in turn when there are no keys. */
    public static Partitioning fixed(List<? extends Expression> keys, int count) {
        return new Partitioning(keys.isEmpty() ? Kind.ROUND_ROBIN : Kind.HASH, List.copyOf(keys), count);
    }

    /** This partitioning with its keys rewritten. */
    public Partitioning withKeys(List<Expression> newKeys) {
        return new Partitioning(kind, newKeys, fixedCount);
    }

    public static Partitioning hash(List<? extends Expression> keys) {
        return new Partitioning(Kind.HASH, List.copyOf(keys));
    }

    public boolean satisfies(Distribution required) {
        switch (required.kind()) {
            case UNSPECIFIED: return true;
            case ALL_TUPLES: return kind == Kind.SINGLE;
            case CLUSTERED:
                return kind == Kind.SINGLE || (kind == Kind.HASH && fixedCount == 0 && keys.equals(required.keys()));
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
            case HASH: return "hash" + PlanText.list(keys) + (fixedCount > 0 ? " into " + fixedCount : "");
            case ROUND_ROBIN: return "roundrobin into " + fixedCount;
            case SINGLE: return "single";
            case UNKNOWN: return "unknown";
        }
        throw new AssertionError(kind);
    }
}
