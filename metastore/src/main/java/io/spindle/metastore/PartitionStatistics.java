package io.spindle.metastore;

import java.util.HashMap;
import java.util.Map;

/**
 * The basic statistics Hive keeps in a partition's (or table's) parameters. A value the metastore
 * does not have is {@link #UNKNOWN} (-1).
 */
public record PartitionStatistics(long numFiles, long numRows, long totalSize) {
    public static final long UNKNOWN = -1;

    static final String NUM_FILES = "numFiles";
    static final String NUM_ROWS = "numRows";
    static final String TOTAL_SIZE = "totalSize";
    /** Hive 4 counts erasure-coded files among the "fast" stats; with all three present it trusts ours. */
    static final String NUM_ERASURE_CODED_FILES = "numFilesErasureCoded";
    /** Tells Hive (and Spark, Impala) that the basic statistics are exact, so it may answer count(*) from them. */
    static final String STATS_ACCURATE = "COLUMN_STATS_ACCURATE";

    public static PartitionStatistics fromParameters(Map<String, String> parameters) {
        return new PartitionStatistics(longOf(parameters, NUM_FILES), longOf(parameters, NUM_ROWS),
                longOf(parameters, TOTAL_SIZE));
    }

    /** {@code parameters} with these statistics written over Hive's keys. */
    public Map<String, String> writeTo(Map<String, String> parameters) {
        Map<String, String> written = new HashMap<>(parameters);
        written.put(NUM_FILES, Long.toString(numFiles));
        written.put(TOTAL_SIZE, Long.toString(totalSize));
        written.put(NUM_ERASURE_CODED_FILES, "0");
        if (numRows == UNKNOWN) {
            // An append to a partition whose row count nobody recorded: no count beats a wrong one.
            written.remove(NUM_ROWS);
            written.remove(STATS_ACCURATE);
        } else {
            written.put(NUM_ROWS, Long.toString(numRows));
            // Also says column statistics are no longer accurate: they described the replaced files.
            written.put(STATS_ACCURATE, "{\"BASIC_STATS\":\"true\"}");
        }
        return written;
    }

    /** These plus {@code other}; a row count unknown on either side stays unknown. */
    public PartitionStatistics plus(PartitionStatistics other) {
        long rows = numRows == UNKNOWN || other.numRows == UNKNOWN ? UNKNOWN : numRows + other.numRows;
        return new PartitionStatistics(numFiles + other.numFiles, rows, totalSize + other.totalSize);
    }

    private static long longOf(Map<String, String> parameters, String key) {
        String value = parameters == null ? null : parameters.get(key);
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return UNKNOWN; // someone else's garbage: unknown, not an error that blocks reading the table
        }
    }
}
