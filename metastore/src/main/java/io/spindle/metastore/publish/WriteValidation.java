package io.spindle.metastore.publish;

import io.spindle.formats.types.Schema;
import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a {@link TableWrite} against its table before anything changes: value counts, the static
 * partition, one output per partition, and that each output sits in its own fresh version
 * directory — which is what makes deleting it on failure safe.
 */
final class WriteValidation {
    private final CatalogTable table;
    private final TableWrite write;
    private final VersionFiles files;
    private final Map<Integer, String> staticStored = new TreeMap<>();

    WriteValidation(CatalogTable table, TableWrite write, VersionFiles files) {
        this.table = table;
        this.write = write;
        this.files = files;
        Schema schema = table.partitionSchema();
        for (Map.Entry<String, Object> entry : write.staticPartition().entrySet()) {
            Optional<Integer> index = schema.findIndex(entry.getKey());
            if (index.isEmpty()) {
                throw invalid("the static partition names '" + entry.getKey() + "', which is not a partition column of "
                        + table.name() + " " + schema.names());
            }
            staticStored.put(index.get(), PartitionValues.format(entry.getValue(), schema.field(index.get()).type()));
        }
    }

    /** The outputs by partition name, in name order. */
    Map<String, PartitionOutput> outputsByName() {
        Map<String, PartitionOutput> byName = new TreeMap<>();
        for (PartitionOutput output : write.partitions()) {
            List<String> stored = PartitionPublisher.storedValues(table.partitionSchema(), output.values());
            String name = PartitionNames.name(table.partitionSchema(), stored);
            requireStaticValues(name, stored);
            requireVersionDirectory(name, output);
            if (byName.put(name, output) != null) {
                throw invalid("partition " + name + " appears twice in the write");
            }
        }
        return byName;
    }

    /** Partitions an {@link PublishMode#OVERWRITE_TABLE} drops: not written, and within the static partition. */
    List<String> partitionsToDrop(List<String> allNames, Collection<String> written) {
        List<String> dropped = new ArrayList<>();
        for (String name : allNames) {
            if (!written.contains(name) && withinStaticPartition(PartitionNames.storedValues(name, table.partitionSchema()))) {
                dropped.add(name);
            }
        }
        return dropped;
    }

    private boolean withinStaticPartition(List<String> stored) {
        for (Map.Entry<Integer, String> entry : staticStored.entrySet()) {
            if (!stored.get(entry.getKey()).equals(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void requireStaticValues(String name, List<String> stored) {
        if (!withinStaticPartition(stored)) {
            throw invalid("partition " + name + " is outside the static partition " + write.staticPartition());
        }
    }

    private void requireVersionDirectory(String name, PartitionOutput output) {
        String expected = PartitionPublisher.versionDirectory(table, output.values(), write.writeId());
        try {
            if (!files.qualify(output.directory()).equals(files.qualify(expected))) {
                throw invalid("the files of partition " + name + " must be in " + expected + ", not "
                        + output.directory());
            }
            if (!files.exists(expected)) {
                throw invalid("the version directory " + expected + " of partition " + name + " does not exist; "
                        + "a static partition without rows needs an empty directory");
            }
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Cannot check " + expected + ": " + e.getMessage(),
                    e);
        }
    }

    private CatalogException invalid(String why) {
        return new CatalogException(CatalogErrorCode.INVALID_WRITE, "Invalid write " + write.writeId() + " to "
                + table.name() + ": " + why);
    }
}
