package io.spindle.metastore.client;

import java.util.List;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

/** Delegates every call after {@link #before}: the one hook that counting and fault-injecting decorators need. */
public abstract class ForwardingMetastoreCalls implements MetastoreCalls {
    private final MetastoreCalls delegate;

    protected ForwardingMetastoreCalls(MetastoreCalls delegate) {
        this.delegate = delegate;
    }

    /** Runs before each call, named as the interface method; may throw to fail it. */
    protected abstract void before(String call, Object argument) throws TException;

    @Override
    public List<String> getAllDatabases() throws TException {
        before("getAllDatabases", null);
        return delegate.getAllDatabases();
    }

    @Override
    public Database getDatabase(String database) throws TException {
        before("getDatabase", database);
        return delegate.getDatabase(database);
    }

    @Override
    public void createDatabase(Database database) throws TException {
        before("createDatabase", database);
        delegate.createDatabase(database);
    }

    @Override
    public void dropDatabase(String database, boolean deleteData, boolean cascade) throws TException {
        before("dropDatabase", database);
        delegate.dropDatabase(database, deleteData, cascade);
    }

    @Override
    public List<String> getAllTables(String database) throws TException {
        before("getAllTables", database);
        return delegate.getAllTables(database);
    }

    @Override
    public Table getTable(String database, String table) throws TException {
        before("getTable", table);
        return delegate.getTable(database, table);
    }

    @Override
    public void createTable(Table table) throws TException {
        before("createTable", table);
        delegate.createTable(table);
    }

    @Override
    public void dropTable(String database, String table, boolean deleteData, boolean purge) throws TException {
        before("dropTable", table);
        delegate.dropTable(database, table, deleteData, purge);
    }

    @Override
    public void alterTable(String database, String table, Table newTable) throws TException {
        before("alterTable", newTable);
        delegate.alterTable(database, table, newTable);
    }

    @Override
    public List<Partition> listPartitionsByFilter(String database, String table, String filter) throws TException {
        before("listPartitionsByFilter", filter);
        return delegate.listPartitionsByFilter(database, table, filter);
    }

    @Override
    public int getNumPartitionsByFilter(String database, String table, String filter) throws TException {
        before("getNumPartitionsByFilter", filter);
        return delegate.getNumPartitionsByFilter(database, table, filter);
    }

    @Override
    public List<String> listPartitionNames(String database, String table) throws TException {
        before("listPartitionNames", table);
        return delegate.listPartitionNames(database, table);
    }

    @Override
    public List<Partition> getPartitionsByNames(String database, String table, List<String> names) throws TException {
        before("getPartitionsByNames", names);
        return delegate.getPartitionsByNames(database, table, names);
    }

    @Override
    public void addPartitions(List<Partition> partitions) throws TException {
        before("addPartitions", partitions);
        delegate.addPartitions(partitions);
    }

    @Override
    public void alterPartitions(String database, String table, List<Partition> partitions) throws TException {
        before("alterPartitions", partitions);
        delegate.alterPartitions(database, table, partitions);
    }

    @Override
    public void dropPartition(String database, String table, String partitionName) throws TException {
        before("dropPartition", partitionName);
        delegate.dropPartition(database, table, partitionName);
    }

    @Override
    public void close() {
        // The catalog that owns the real client closes it.
    }
}
