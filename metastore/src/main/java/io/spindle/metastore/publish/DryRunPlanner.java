package io.spindle.metastore.publish;

import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.PartitionNames;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.client.MetastoreFailures;
import io.spindle.metastore.hive.HiveTables;
import io.spindle.metastore.publish.PlannedPartition.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hive.metastore.api.Partition;

/**
 * What a write would do to a table before any file exists: which partitions it would add,
 * replace, append to or drop. The same metastore reads as a publish (the named partitions by
 * name; every name only for a whole-table overwrite), no writes. Statistics of new data are
 * {@link PartitionStatistics#UNKNOWN}.
 */
final class DryRunPlanner {
    private static final PartitionStatistics UNKNOWN = new PartitionStatistics(PartitionStatistics.UNKNOWN,
            PartitionStatistics.UNKNOWN, PartitionStatistics.UNKNOWN);

    private final MetastoreCalls calls;
    private final int batchSize;

    DryRunPlanner(MetastoreCalls calls, int batchSize) {
        this.calls = calls;
        this.batchSize = batchSize;
    }

    PublicationPlan plan(TableName name, String writeId, PublishMode mode, List<List<Object>> partitionValues,
            Map<String, Object> staticPartition) {
        CatalogTable table = HiveTables.toCatalogTable(MetastoreFailures.call("read table " + name,
                () -> calls.getTable(name.database(), name.table())));
        List<PartitionOutput> outputs = new ArrayList<>();
        for (List<Object> values : partitionValues) {
            outputs.add(new PartitionOutput(values, PartitionPublisher.versionDirectory(table, values, writeId), 0));
        }
        TableWrite write = new TableWrite(name, writeId, mode, outputs, staticPartition);
        WriteValidation validation = new WriteValidation(table, write, null);
        Map<String, PartitionOutput> byName = new TreeMap<>();
        for (PartitionOutput output : outputs) {
            byName.put(PartitionNames.name(table.partitionSchema(),
                    PartitionPublisher.storedValues(table.partitionSchema(), output.values())), output);
        }
        Map<String, Partition> existing = fetch(table, new ArrayList<>(byName.keySet()));
        List<PlannedPartition> planned = new ArrayList<>();
        for (Map.Entry<String, PartitionOutput> entry : byName.entrySet()) {
            String partitionName = entry.getKey();
            List<String> stored = PartitionNames.storedValues(partitionName, table.partitionSchema());
            Partition current = existing.get(partitionName);
            if (current == null) {
                planned.add(new PlannedPartition(partitionName, stored, Action.ADD, entry.getValue().directory(),
                        Optional.empty(), UNKNOWN));
            } else {
                String location = current.getSd().getLocation();
                boolean append = mode == PublishMode.APPEND;
                planned.add(new PlannedPartition(partitionName, stored, append ? Action.APPEND : Action.REPLACE,
                        append ? location : entry.getValue().directory(), Optional.of(location),
                        PartitionStatistics.fromParameters(current.getParameters())));
            }
        }
        if (mode == PublishMode.OVERWRITE_TABLE) {
            List<String> all = MetastoreFailures.call("list the partition names of " + name,
                    () -> calls.listPartitionNames(name.database(), name.table()));
            Map<String, Partition> dropped = fetch(table, validation.partitionsToDrop(all, byName.keySet()));
            for (Map.Entry<String, Partition> entry : new TreeMap<>(dropped).entrySet()) {
                Partition partition = entry.getValue();
                planned.add(new PlannedPartition(entry.getKey(), partition.getValues(), Action.DROP, "",
                        Optional.of(partition.getSd().getLocation()),
                        PartitionStatistics.fromParameters(partition.getParameters())));
            }
        }
        return new PublicationPlan(name, mode, planned);
    }

    private Map<String, Partition> fetch(CatalogTable table, List<String> names) {
        Map<String, Partition> byName = new HashMap<>();
        for (int start = 0; start < names.size(); start += batchSize) {
            List<String> batch = names.subList(start, Math.min(names.size(), start + batchSize));
            for (Partition partition : MetastoreFailures.call("fetch partitions of " + table.name() + " by name",
                    () -> calls.getPartitionsByNames(table.name().database(), table.name().table(), batch))) {
                byName.put(PartitionNames.name(table.partitionSchema(), partition.getValues()), partition);
            }
        }
        return byName;
    }
}
