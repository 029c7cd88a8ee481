package io.spindle.metastore.client;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.EnvironmentContext;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

/**
 * {@link MetastoreCalls} on a real {@link IMetaStoreClient} (Thrift or embedded).
 *
 * <p>The Hive client is not thread-safe, and an embedded one keeps per-thread state in the
 * handler; every call is synchronized, so one catalog can be shared by a driver's threads.
 * Lists handed to the client are copied into mutable lists: the 4.0.1 handler calls
 * {@code contains(null)} on them, which immutable lists answer with a NullPointerException.
 */
public final class HiveClientCalls implements MetastoreCalls {
    /**
     * Environment flag that stops the metastore from recomputing "fast" statistics (it would list
     * the new location itself and drop numRows); Spindle writes exact ones.
     */
    private static final String DO_NOT_UPDATE_STATS = "DO_NOT_UPDATE_STATS";
    /** -1: no limit, in the Thrift API's convention. */
    private static final short ALL = -1;

    private final IMetaStoreClient client;

    public HiveClientCalls(IMetaStoreClient client) {
        this.client = client;
    }

    @Override
    public synchronized List<String> getAllDatabases() throws TException {
        return client.getAllDatabases();
    }

    @Override
    public synchronized Database getDatabase(String database) throws TException {
        return client.getDatabase(database);
    }

    @Override
    public synchronized void createDatabase(Database database) throws TException {
        client.createDatabase(database);
    }

    @Override
    public synchronized void dropDatabase(String database, boolean deleteData, boolean cascade) throws TException {
        client.dropDatabase(database, deleteData, false, cascade);
    }

    @Override
    public synchronized List<String> getAllTables(String database) throws TException {
        return client.getAllTables(database);
    }

    @Override
    public synchronized Table getTable(String database, String table) throws TException {
        return client.getTable(database, table);
    }

    @Override
    public synchronized void createTable(Table table) throws TException {
        client.createTable(table);
    }

    @Override
    public synchronized void dropTable(String database, String table, boolean deleteData, boolean purge)
            throws TException {
        client.dropTable(database, table, deleteData, false, purge);
    }

    @Override
    public synchronized void alterTable(String database, String table, Table newTable) throws TException {
        client.alter_table_with_environmentContext(database, table, newTable, keepStatistics());
    }

    @Override
    public synchronized List<Partition> listPartitionsByFilter(String database, String table, String filter)
            throws TException {
        return client.listPartitionsByFilter(database, table, filter, ALL);
    }

    @Override
    public synchronized int getNumPartitionsByFilter(String database, String table, String filter) throws TException {
        return client.getNumPartitionsByFilter(database, table, filter);
    }

    @Override
    public synchronized List<String> listPartitionNames(String database, String table) throws TException {
        return client.listPartitionNames(database, table, ALL);
    }

    @Override
    public synchronized List<Partition> getPartitionsByNames(String database, String table, List<String> names)
            throws TException {
        return client.getPartitionsByNames(database, table, new ArrayList<>(names));
    }

    @Override
    public synchronized void addPartitions(List<Partition> partitions) throws TException {
        client.add_partitions(new ArrayList<>(partitions));
    }

    @Override
    public synchronized void alterPartitions(String database, String table, List<Partition> partitions)
            throws TException {
        client.alter_partitions(database, table, new ArrayList<>(partitions), keepStatistics());
    }

    @Override
    public synchronized void dropPartition(String database, String table, String partitionName) throws TException {
        client.dropPartition(database, table, partitionName, false);
    }

    @Override
    public synchronized void close() {
        client.close();
    }

    private static EnvironmentContext keepStatistics() {
        EnvironmentContext context = new EnvironmentContext();
        context.putToProperties(DO_NOT_UPDATE_STATS, "true");
        return context;
    }
}
