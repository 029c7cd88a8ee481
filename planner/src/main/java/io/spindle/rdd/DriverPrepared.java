package io.spindle.rdd;

/**
 * An Rdd whose partitions are known only after work on the driver (a Dataset's Rdd: its query's
 * map stages run first). The scheduler calls {@link #prepareOnDriver()} before it ships any task
 * of a lineage holding it, so the tasks carry what the driver decided.
 */
public interface DriverPrepared {

    /** Does the driver-side work once; later calls return at once. */
    void prepareOnDriver();
}
