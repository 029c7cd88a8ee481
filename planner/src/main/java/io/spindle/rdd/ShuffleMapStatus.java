package io.spindle.rdd;

import java.io.Serializable;

/** A committed record shuffle map output: its index file and bytes per reduce partition. */
public record ShuffleMapStatus(String indexFile, long[] partitionBytes, long records) implements Serializable {
}
