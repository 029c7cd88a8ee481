package io.spindle.metastore.publish;

import io.spindle.metastore.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job's output to one table, ready to publish.
 *
 * @param writeId names this run's versioned directories; unique per run (a re-run of the same job
 *     needs a new one), letters, digits, {@code -} and {@code _} only
 * @param staticPartition partition values fixed by the statement ({@code PARTITION (dt='2026-11-26')}),
 *     by column name; every output must carry them. Empty for a fully dynamic write.
 */
public record TableWrite(TableName table, String writeId, PublishMode mode, List<PartitionOutput> partitions,
        Map<String, Object> staticPartition) {
    private static final Pattern WRITE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public TableWrite {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
        if (writeId == null || !WRITE_ID.matcher(writeId).matches()) {
            throw new IllegalArgumentException("writeId must be 1-100 letters, digits, '-' or '_', got '" + writeId + "'");
        }
        partitions = List.copyOf(partitions);
        staticPartition = Collections.unmodifiableMap(new LinkedHashMap<>(staticPartition));
    }

    /** A dynamic-partition write: the partitions are whatever the data produced. */
    public static TableWrite dynamic(TableName table, String writeId, PublishMode mode, List<PartitionOutput> partitions) {
        return new TableWrite(table, writeId, mode, partitions, Map.of());
    }

    public TableWrite withPartitions(List<PartitionOutput> outputs) {
        return new TableWrite(table, writeId, mode, new ArrayList<>(outputs), staticPartition);
    }
}
