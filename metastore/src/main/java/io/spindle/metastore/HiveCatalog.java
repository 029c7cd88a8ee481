package io.spindle.metastore;

import io.spindle.formats.predicate.Predicate;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.metastore.client.MetastoreConnector;
import io.spindle.metastore.client.MetastoreFailures;
import io.spindle.metastore.hive.HiveTables;
import io.spindle.metastore.prune.PartitionSelector;
import io.spindle.metastore.prune.PrunedPartitions;
import io.spindle.metastore.publish.PartitionPublisher;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.metastore.api.AlreadyExistsException;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.NoSuchObjectException;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.thrift.TException;

/**
 * Spindle's catalog over a Hive Metastore: resolves tables into Spindle types, selects the
 * partitions a predicate needs ({@link PartitionSelector}), creates and drops databases and
 * tables, and publishes written partitions ({@link PartitionPublisher}).
 *
 * <p>Thread-safe: calls to the metastore are serialized on its client; the current database is
 * the only mutable state. Close the catalog to close the client.
 */
public final class HiveCatalog implements AutoCloseable {
    public static final String DEFAULT_DATABASE = "default";

    private final MetastoreCalls calls;
    private final Configuration hadoopConf;
    private final String description;
    private final boolean ownsCalls;
    private volatile String currentDatabase = DEFAULT_DATABASE;

    private HiveCatalog(MetastoreCalls calls, Configuration hadoopConf, String description, boolean ownsCalls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.hadoopConf = Objects.requireNonNull(hadoopConf, "hadoopConf");
        this.description = description;
        this.ownsCalls = ownsCalls;
    }

    /**
     * Connects to the metastore of {@code settings}, retrying with backoff.
     *
     * @param hadoopConf the file system settings used for table and partition directories
     * @throws CatalogException {@link CatalogErrorCode#CONNECTION_FAILED} naming the URI and what to check
     */
    public static HiveCatalog connect(MetastoreSettings settings, Configuration hadoopConf) {
        MetastoreConnector.Connection connection = MetastoreConnector.connect(settings, hadoopConf);
        return new HiveCatalog(connection.calls(), hadoopConf, connection.description(), true);
    }

    /** A catalog over given calls, which it closes on {@link #close()}. */
    public static HiveCatalog over(MetastoreCalls calls, Configuration hadoopConf, String description) {
        return new HiveCatalog(calls, hadoopConf, description, true);
    }

    /**
     * The same catalog seen through a decorator of its calls (counting, fault injection). The view
     * does not close the connection; the original does.
     */
    public HiveCatalog withCalls(UnaryOperator<MetastoreCalls> decorator) {
        HiveCatalog view = new HiveCatalog(decorator.apply(calls), hadoopConf, description, false);
        view.currentDatabase = currentDatabase;
        return view;
    }

    public String description() {
        return description;
    }

    public String currentDatabase() {
        return currentDatabase;
    }

    /** Sets the database of unqualified table names; fails with the closest names if it does not exist. */
    public void setCurrentDatabase(String database) {
        requireDatabase(database.toLowerCase(java.util.Locale.ROOT));
        currentDatabase = database.toLowerCase(java.util.Locale.ROOT);
    }

    public List<String> databases() {
        return MetastoreFailures.call("list databases", calls::getAllDatabases);
    }

    public List<String> tables(String database) {
        requireDatabase(database);
        return MetastoreFailures.call("list the tables of " + database, () -> calls.getAllTables(database));
    }

    /** Resolves {@code [db.]table} (back-quotes allowed) against the current database. */
    public CatalogTable table(String name) {
        return table(TableName.parse(name, currentDatabase));
    }

    /**
     * The table, in Spindle's types.
     *
     * @throws CatalogException {@link CatalogErrorCode#TABLE_NOT_FOUND} or
     *     {@link CatalogErrorCode#DATABASE_NOT_FOUND} with the closest names; an unsupported type or
     *     storage as {@link HiveTables#toCatalogTable} says
     */
    public CatalogTable table(TableName name) {
        return HiveTables.toCatalogTable(hiveTable(name));
    }

    public boolean tableExists(TableName name) {
        try {
            calls.getTable(name.database(), name.table());
            return true;
        } catch (NoSuchObjectException e) {
            return false;
        } catch (TException e) {
            throw MetastoreFailures.failure("look up table " + name, e);
        }
    }

    /** The partitions of {@code table} that {@code predicate} might match, pruned in the metastore. */
    public PrunedPartitions partitions(CatalogTable table, Optional<Predicate> predicate) {
        return new PartitionSelector(calls, PartitionSelector.DEFAULT_BATCH_SIZE).select(table, predicate);
    }

    public PartitionPublisher publisher() {
        return new PartitionPublisher(calls, hadoopConf, PartitionSelector.DEFAULT_BATCH_SIZE);
    }

    /**
     * Records basic statistics of an unpartitioned table's files in its parameters (one
     * {@code alter_table}); partitions get theirs from {@link PartitionPublisher}.
     */
    public void setTableStatistics(TableName name, PartitionStatistics statistics) {
        Table table = hiveTable(name).deepCopy();
        table.setParameters(new HashMap<>(statistics.writeTo(
                table.getParameters() == null ? java.util.Map.of() : table.getParameters())));
        MetastoreFailures.call("update the statistics of " + name, () -> {
            calls.alterTable(name.database(), name.table(), table);
            return null;
        });
    }

    /** The statistics recorded in an unpartitioned table's parameters. */
    public PartitionStatistics tableStatistics(TableName name) {
        return PartitionStatistics.fromParameters(hiveTable(name).getParameters());
    }

    /** Creates a database; {@code location} empty means under the metastore's warehouse. */
    public void createDatabase(String name, Optional<String> location, boolean ifNotExists) {
        Database database = new Database();
        database.setName(name.toLowerCase(java.util.Locale.ROOT));
        location.ifPresent(database::setLocationUri);
        database.setParameters(new HashMap<>());
        database.setOwnerName(System.getProperty("user.name"));
        try {
            calls.createDatabase(database);
        } catch (AlreadyExistsException e) {
            if (!ifNotExists) {
                throw new CatalogException(CatalogErrorCode.ALREADY_EXISTS, "Database " + name + " already exists", e);
            }
        } catch (TException e) {
            throw MetastoreFailures.failure("create database " + name, e);
        }
    }

    /** Drops a database and its managed tables' data; with {@code cascade} also its tables. */
    public void dropDatabase(String name, boolean cascade, boolean ifExists) {
        try {
            calls.dropDatabase(name.toLowerCase(java.util.Locale.ROOT), true, cascade);
        } catch (NoSuchObjectException e) {
            if (!ifExists) {
                throw databaseNotFound(name, e);
            }
        } catch (TException e) {
            throw MetastoreFailures.failure("drop database " + name + (cascade ? "" : " (is it empty? drop with cascade)"),
                    e);
        }
    }

    /** Creates a table from a specification and returns it as resolved from the metastore. */
    public CatalogTable createTable(CatalogTable spec, boolean ifNotExists) {
        requireDatabase(spec.name().database());
        try {
            calls.createTable(HiveTables.toHiveTable(spec, System.getProperty("user.name")));
        } catch (AlreadyExistsException e) {
            if (!ifNotExists) {
                throw new CatalogException(CatalogErrorCode.ALREADY_EXISTS, "Table " + spec.name() + " already exists", e);
            }
        } catch (TException e) {
            throw MetastoreFailures.failure("create table " + spec.name(), e);
        }
        return table(spec.name());
    }

    /**
     * Drops a table. A managed table's files go too (to the trash, or at once with {@code purge});
     * an external table's stay.
     */
    public void dropTable(TableName name, boolean purge, boolean ifExists) {
        try {
            calls.dropTable(name.database(), name.table(), true, purge);
        } catch (NoSuchObjectException e) {
            if (!ifExists) {
                throw tableNotFound(name, e);
            }
        } catch (TException e) {
            throw MetastoreFailures.failure("drop table " + name, e);
        }
    }

    @Override
    public void close() {
        if (ownsCalls) {
            calls.close();
        }
    }

    private Table hiveTable(TableName name) {
        try {
            return calls.getTable(name.database(), name.table());
        } catch (NoSuchObjectException e) {
            throw tableNotFound(name, e);
        } catch (TException e) {
            throw MetastoreFailures.failure("read table " + name, e);
        }
    }

    private void requireDatabase(String database) {
        try {
            calls.getDatabase(database);
        } catch (NoSuchObjectException e) {
            throw databaseNotFound(database, e);
        } catch (TException e) {
            throw MetastoreFailures.failure("read database " + database, e);
        }
    }

    private CatalogException tableNotFound(TableName name, Exception cause) {
        requireDatabase(name.database());
        List<String> tables = MetastoreFailures.call("list the tables of " + name.database(),
                () -> calls.getAllTables(name.database()));
        return new CatalogException(CatalogErrorCode.TABLE_NOT_FOUND, "Table " + name + " not found in "
                + description + NameSuggestions.didYouMean(name.table(), tables), cause);
    }

    private CatalogException databaseNotFound(String database, Exception cause) {
        List<String> databases = MetastoreFailures.call("list databases", calls::getAllDatabases);
        return new CatalogException(CatalogErrorCode.DATABASE_NOT_FOUND, "Database " + database + " not found in "
                + description + NameSuggestions.didYouMean(database, databases), cause);
    }
}
