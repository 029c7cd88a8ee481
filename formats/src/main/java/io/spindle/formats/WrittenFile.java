package io.spindle.formats;

import io.spindle.formats.predicate.ColumnStatistics;
import java.util.Map;

/**
 * A file a {@link BatchWriter} finished: what the commit protocol moves into place and the
 * metastore records (row count, size, per-column statistics keyed by column name).
 */
public record WrittenFile(String path, long rows, long bytes, Map<String, ColumnStatistics> statistics) {
    public WrittenFile {
        statistics = Map.copyOf(statistics);
    }
}
