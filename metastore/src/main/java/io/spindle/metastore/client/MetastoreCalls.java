package io.spindle.metastore.client;

import java.util.List;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.Partition;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

/**
 * The metastore calls the catalog makes, and no others: a narrow seam so that a test can count or
 * fail calls with a small hand-written decorator, and so that a reviewer can see at a glance that
 * no code path lists every partition of a table ({@code listPartitions} is deliberately absent;
 * a full listing is {@link #listPartitionNames} plus {@link #getPartitionsByNames} in batches).
 *
 * <p>Implementations need not be thread-safe beyond what {@link HiveClientCalls} documents.
 */
public interface MetastoreCalls extends AutoCloseable {
    List<String> getAllDatabases() throws TException;

    Database getDatabase(String database) throws TException;

    void createDatabase(Database database) throws TException;

    void dropDatabase(String database, boolean deleteData, boolean cascade) throws TException;

    List<String> getAllTables(String database) throws TException;

    Table getTable(String database, String table) throws TException;

    void createTable(Table table) throws TException;

    /** Drops a table; a managed table's data is deleted too, bypassing the trash with {@code purge}. */
    void dropTable(String database, String table, boolean deleteData, boolean purge) throws TException;

    /** Replaces a table's definition; statistics in its parameters are kept as given. */
    void alterTable(String database, String table, Table newTable) throws TException;

    /** Partitions matching a filter in Hive's filter grammar ({@code dt >= "2026-01-01"}). */
    List<Partition> listPartitionsByFilter(String database, String table, String filter) throws TException;

    /** How many partitions match a filter; the empty filter counts them all. */
    int getNumPartitionsByFilter(String database, String table, String filter) throws TException;

    /** Every partition's name ({@code dt=2026-01-01/hour=3}), without fetching the partitions. */
    List<String> listPartitionNames(String database, String table) throws TException;

    List<Partition> getPartitionsByNames(String database, String table, List<String> names) throws TException;

    /** Adds all partitions in one metastore transaction; fails if any exists already. */
    void addPartitions(List<Partition> partitions) throws TException;

    /** Alters all partitions in one metastore transaction; statistics in their parameters are kept as given. */
    void alterPartitions(String database, String table, List<Partition> partitions) throws TException;

    /** Drops a partition's metadata only; its files are the caller's to delete. */
    void dropPartition(String database, String table, String partitionName) throws TException;

    @Override
    void close();
}
