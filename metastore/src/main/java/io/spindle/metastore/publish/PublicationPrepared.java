package io.spindle.metastore.publish;

import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.publish.MetastoreUpdate.NamedPartition;
import io.spindle.metastore.publish.PlannedPartition.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;

/**
 * A validated write with its plan and the metastore objects that carry it out: the new
 * partitions, the altered ones with their originals (for undoing), and the dropped ones.
 */
record PublicationPrepared(CatalogTable table, PublicationPlan plan, Map<String, PartitionOutput> outputs,
        List<NamedPartition> adds, List<Partition> alters, List<Partition> originals, List<NamedPartition> drops) {

    static PublicationPrepared of(Table hive, CatalogTable table, TableWrite write, Map<String, PartitionOutput> outputs,
            Map<String, Partition> existing, Map<String, Partition> dropped, VersionFiles files) throws IOException {
        List<PlannedPartition> planned = new ArrayList<>();
        List<NamedPartition> adds = new ArrayList<>();
        List<Partition> alters = new ArrayList<>();
        List<Partition> originals = new ArrayList<>();
        for (Map.Entry<String, PartitionOutput> entry : outputs.entrySet()) {
            String name = entry.getKey();
            PartitionOutput output = entry.getValue();
            List<String> stored = PartitionNames.storedValues(name, table.partitionSchema());
            PartitionStatistics written = files.statistics(output.directory(), output.rowCount());
            Partition current = existing.get(name);
            if (current == null) {
                planned.add(new PlannedPartition(name, stored, Action.ADD, output.directory(), Optional.empty(), written));
                adds.add(new NamedPartition(name, newPartition(hive, stored, output.directory(), written)));
                continue;
            }
            String currentLocation = current.getSd().getLocation();
            originals.add(current);
            if (write.mode() == PublishMode.APPEND) {
                PartitionStatistics before = statisticsOf(current, files);
                PartitionStatistics after = before.plus(written);
                planned.add(new PlannedPartition(name, stored, Action.APPEND, currentLocation,
                        Optional.of(currentLocation), after));
                alters.add(withStatistics(current.deepCopy(), after));
            } else {
                if (files.qualify(currentLocation).equals(files.qualify(output.directory()))) {
                    throw new CatalogException(CatalogErrorCode.INVALID_WRITE, "Write id " + write.writeId()
                            + " is already published as the current version of " + table.name() + " " + name
                            + "; every run needs a new write id");
                }
                planned.add(new PlannedPartition(name, stored, Action.REPLACE, output.directory(),
                        Optional.of(currentLocation), written));
                Partition replacement = current.deepCopy();
                // The new files follow the table's current definition, not the old partition's.
                replacement.setSd(descriptor(hive, output.directory()));
                alters.add(withStatistics(replacement, written));
            }
        }
        List<NamedPartition> drops = new ArrayList<>();
        for (Map.Entry<String, Partition> entry : new java.util.TreeMap<>(dropped).entrySet()) {
            Partition partition = entry.getValue();
            planned.add(new PlannedPartition(entry.getKey(), partition.getValues(), Action.DROP, "",
                    Optional.of(partition.getSd().getLocation()),
                    PartitionStatistics.fromParameters(partition.getParameters())));
            drops.add(new NamedPartition(entry.getKey(), partition));
        }
        PublicationPlan plan = new PublicationPlan(table.name(), write.mode(), planned);
        return new PublicationPrepared(table, plan, outputs, adds, alters, originals, drops);
    }

    String directoryOf(String partitionName) {
        return outputs.get(partitionName).directory();
    }

    MetastoreUpdate update(MetastoreCalls calls) {
        return new MetastoreUpdate(calls, table.name(), adds, alters, originals, drops);
    }

    private static Partition newPartition(Table hive, List<String> stored, String location,
            PartitionStatistics statistics) {
        Partition partition = new Partition();
        partition.setCatName(hive.getCatName());
        partition.setDbName(hive.getDbName());
        partition.setTableName(hive.getTableName());
        partition.setValues(new ArrayList<>(stored));
        partition.setSd(descriptor(hive, location));
        int now = (int) (System.currentTimeMillis() / 1000);
        partition.setCreateTime(now);
        partition.setLastAccessTime(now);
        partition.setParameters(new HashMap<>(statistics.writeTo(Map.of())));
        return partition;
    }

    private static StorageDescriptor descriptor(Table hive, String location) {
        StorageDescriptor sd = new StorageDescriptor(hive.getSd());
        sd.setLocation(location);
        return sd;
    }

    private static Partition withStatistics(Partition partition, PartitionStatistics statistics) {
        Map<String, String> parameters = partition.getParameters() == null ? Map.of() : partition.getParameters();
        partition.setParameters(new HashMap<>(statistics.writeTo(parameters)));
        return partition;
    }

    /** A partition's recorded statistics; files and bytes from a listing when nobody recorded them. */
    private static PartitionStatistics statisticsOf(Partition partition, VersionFiles files) throws IOException {
        PartitionStatistics recorded = PartitionStatistics.fromParameters(partition.getParameters());
        if (recorded.numFiles() != PartitionStatistics.UNKNOWN && recorded.totalSize() != PartitionStatistics.UNKNOWN) {
            return recorded;
        }
        PartitionStatistics listed = files.statistics(partition.getSd().getLocation(), recorded.numRows());
        return listed;
    }
}
