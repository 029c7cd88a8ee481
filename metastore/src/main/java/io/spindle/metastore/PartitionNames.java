package io.spindle.metastore;

import io.spindle.formats.layout.PartitionPaths;
import io.spindle.formats.types.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Partition names as the metastore lists them, {@code dt=2026-01-01/hour=3}: each column and
 * value escaped as in a path ({@code %2F} for {@code /}), the default partition for null. The same
 * escaping names the partition's directory under the table.
 */
public final class PartitionNames {
    private PartitionNames() {}

    /** {@code a=1/b=x} for stored values in the order of {@code partitionSchema}. */
    public static String name(Schema partitionSchema, List<String> storedValues) {
        if (storedValues.size() != partitionSchema.size()) {
            throw new IllegalArgumentException("Expected " + partitionSchema.size() + " partition values for "
                    + partitionSchema.names() + ", got " + storedValues);
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < storedValues.size(); i++) {
            if (i > 0) {
                name.append('/');
            }
            String value = storedValues.get(i);
            name.append(PartitionPaths.escape(partitionSchema.field(i).name().toLowerCase(java.util.Locale.ROOT)))
                    .append('=')
                    .append(value == null || value.equals(PartitionValues.DEFAULT_PARTITION)
                            ? PartitionValues.DEFAULT_PARTITION : PartitionPaths.escape(value));
        }
        return name.toString();
    }

    /**
     * The stored values of a listed name, in the order of {@code partitionSchema}; the default
     * partition stays {@code __HIVE_DEFAULT_PARTITION__}, as the metastore stores it.
     *
     * @throws IllegalArgumentException if the name does not have the table's partition columns
     */
    public static List<String> storedValues(String name, Schema partitionSchema) {
        String[] segments = name.split("/", -1);
        if (segments.length != partitionSchema.size()) {
            throw new IllegalArgumentException("Partition name '" + name + "' does not match the partition columns "
                    + partitionSchema.names());
        }
        List<String> values = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            int equals = segments[i].indexOf('=');
            String column = equals < 0 ? "" : PartitionPaths.unescape(segments[i].substring(0, equals));
            if (!column.equalsIgnoreCase(partitionSchema.field(i).name())) {
                throw new IllegalArgumentException("Partition name '" + name + "' does not match the partition columns "
                        + partitionSchema.names());
            }
            String raw = segments[i].substring(equals + 1);
            values.add(raw.equals(PartitionValues.DEFAULT_PARTITION) ? raw : PartitionPaths.unescape(raw));
        }
        return values;
    }
}
