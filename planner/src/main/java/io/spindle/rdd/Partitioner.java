package io.spindle.rdd;

import java.io.Serializable;

/** Which reduce partition a key goes to. */
public interface Partitioner extends Serializable {
    int numPartitions();

    int partition(Object key);
}
