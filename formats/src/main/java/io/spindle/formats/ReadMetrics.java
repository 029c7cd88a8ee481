package io.spindle.formats;

import java.io.Serializable;

/**
 * What a reader did, for the status page and for tests that prove pushdown. "Row groups" are
 * Parquet row groups or ORC stripes: the units a reader can skip from metadata. Serializable, as
 * tasks send their totals back to the driver.
 *
 * @param rowGroupsTotal row groups in the split (those whose midpoint lies in it)
 * @param rowGroupsRead row groups decoded
 * @param rowGroupsSkippedByStatistics row groups skipped because min/max/null counts excluded the predicate
 * @param rowGroupsSkippedByDictionary row groups skipped because their dictionaries held no matching value
 * @param columnChunksRead column chunks read: one per projected column present in the file, per row group read
 * @param bytesRead compressed bytes of data read from the file (column chunks and dictionaries)
 * @param rowsRead rows returned
 * @param malformedRecords CSV / JSON records dropped (or quarantined) as malformed
 * @param filesOpened file splits opened; counted by readers of several splits, 0 from a single-file reader
 */
public record ReadMetrics(long rowGroupsTotal, long rowGroupsRead, long rowGroupsSkippedByStatistics,
        long rowGroupsSkippedByDictionary, long columnChunksRead, long bytesRead, long rowsRead,
        long malformedRecords, long filesOpened) implements Serializable {

    public static final ReadMetrics EMPTY = new ReadMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The metrics of a reader with no malformed records that opened no further files. */
    public ReadMetrics(long rowGroupsTotal, long rowGroupsRead, long rowGroupsSkippedByStatistics,
            long rowGroupsSkippedByDictionary, long columnChunksRead, long bytesRead, long rowsRead) {
        this(rowGroupsTotal, rowGroupsRead, rowGroupsSkippedByStatistics, rowGroupsSkippedByDictionary,
                columnChunksRead, bytesRead, rowsRead, 0, 0);
    }

    public long rowGroupsSkipped() {
        return rowGroupsSkippedByStatistics + rowGroupsSkippedByDictionary;
    }

    public ReadMetrics withMalformedRecords(long count) {
        return new ReadMetrics(rowGroupsTotal, rowGroupsRead, rowGroupsSkippedByStatistics,
                rowGroupsSkippedByDictionary, columnChunksRead, bytesRead, rowsRead, count, filesOpened);
    }

    public ReadMetrics withFilesOpened(long count) {
        return new ReadMetrics(rowGroupsTotal, rowGroupsRead, rowGroupsSkippedByStatistics,
                rowGroupsSkippedByDictionary, columnChunksRead, bytesRead, rowsRead, malformedRecords, count);
    }

    /** Sums two readers' metrics, e.g. across the splits of a stage. */
    public ReadMetrics plus(ReadMetrics other) {
        return new ReadMetrics(rowGroupsTotal + other.rowGroupsTotal, rowGroupsRead + other.rowGroupsRead,
                rowGroupsSkippedByStatistics + other.rowGroupsSkippedByStatistics,
                rowGroupsSkippedByDictionary + other.rowGroupsSkippedByDictionary,
                columnChunksRead + other.columnChunksRead, bytesRead + other.bytesRead, rowsRead + other.rowsRead,
                malformedRecords + other.malformedRecords, filesOpened + other.filesOpened);
    }
}
