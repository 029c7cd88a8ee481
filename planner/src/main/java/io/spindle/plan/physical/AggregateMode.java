package io.spindle.plan.physical;

/**
 * PARTIAL aggregates each task's rows into per-group states before the shuffle; FINAL merges the
 * states of one group, all in one partition after the shuffle, and computes the results.
 */
public enum AggregateMode {
    PARTIAL,
    FINAL
}
