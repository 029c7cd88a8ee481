package io.spindle.api;

import io.spindle.metastore.CatalogPartition;
import io.spindle.metastore.CatalogTable;
import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.MetastoreSettings;
import io.spindle.metastore.PartitionStatistics;
import io.spindle.metastore.TableName;
import io.spindle.metastore.client.MetastoreCalls;
import io.spindle.plan.logical.TableScan;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The session's tables, from the Hive Metastore: {@code session.catalog()}. Spark-like:
 *
 * <pre>{@code
 * session.catalog().createDatabase("dw", true);
 * session.catalog().createTable(session.catalog().newTable("dw.events")
 *         .column("id", DataType.LONG).partitionColumn("dt", DataType.DATE).build());
 * session.catalog().setCurrentDatabase("dw");
 * session.table("events").where(col("dt").geq(lit(LocalDate.parse("2026-11-01")))).count();
 * }</pre>
 *
 * <p>The metastore is {@code spindle.metastore.uris}, or an embedded one under
 * {@code spindle.metastore.embedded.dir} when no URI is set. It is connected on first use, so a job
 * that never touches a table never pays for it. Names are {@code table} (in the current database),
 * {@code db.table}, with back-quotes for other characters ({@code `my-db`.t}); case is ignored.
 */
public final class TableCatalog implements AutoCloseable {
    private final Session session;
    private HiveCatalog connection;
    private HiveCatalog hive;

    TableCatalog(Session session) {
        this.session = session;
    }

    /** The metastore catalog, connected on first use (retried with backoff, see {@code spindle.metastore.*}). */
    public synchronized HiveCatalog hive() {
        if (hive == null) {
            connection = HiveCatalog.connect(MetastoreSettings.from(session.conf().toMap()), session.hadoopConf());
            hive = connection;
        }
        return hive;
    }

    /**
     * Routes this session's metastore calls through a decorator from now on — counting, logging,
     * fault injection (see {@code io.spindle.metastore.client.ForwardingMetastoreCalls}).
     */
    public synchronized void decorateMetastoreCalls(UnaryOperator<MetastoreCalls> decorator) {
        hive = hive().withCalls(decorator);
    }

    public String currentDatabase() {
        return hive().currentDatabase();
    }

    /** Sets the database of unqualified table names; fails with the closest names if it does not exist. */
    public void setCurrentDatabase(String database) {
        hive().setCurrentDatabase(database);
    }

    public List<String> listDatabases() {
        return hive().databases();
    }

    public boolean databaseExists(String database) {
        return listDatabases().contains(database.toLowerCase(java.util.Locale.ROOT));
    }

    /** Creates a database under the metastore's warehouse. */
    public void createDatabase(String database, boolean ifNotExists) {
        hive().createDatabase(database, Optional.empty(), ifNotExists);
    }

    public void createDatabase(String database, String location, boolean ifNotExists) {
        hive().createDatabase(database, Optional.of(location), ifNotExists);
    }

    /** Drops a database; {@code cascade} drops its tables too (managed tables with their files). */
    public void dropDatabase(String database, boolean cascade, boolean ifExists) {
        hive().dropDatabase(database, cascade, ifExists);
    }

    /** The tables of the current database. */
    public List<String> listTables() {
        return listTables(currentDatabase());
    }

    public List<String> listTables(String database) {
        return hive().tables(database.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean tableExists(String name) {
        return hive().tableExists(resolve(name));
    }

    /** The table's definition; an unknown name fails with the closest names. */
    public CatalogTable getTable(String name) {
        return hive().table(resolve(name));
    }

    /**
     * A table specification to give to {@link #createTable}, named in the current database unless
     * qualified: columns, partition columns, format (Parquet by default, or ORC), location,
     * external, properties.
     */
    public CatalogTable.Builder newTable(String name) {
        return CatalogTable.builder(resolve(name));
    }

    /** Creates the table and returns it as the metastore has it (with its location). */
    public CatalogTable createTable(CatalogTable spec) {
        return hive().createTable(spec, false);
    }

    public CatalogTable createTable(CatalogTable spec, boolean ifNotExists) {
        return hive().createTable(spec, ifNotExists);
    }

    /** Drops a table: a managed table's files go too (at once with {@code purge}), an external table's stay. */
    public void dropTable(String name, boolean ifExists, boolean purge) {
        hive().dropTable(resolve(name), purge, ifExists);
    }

    public void dropTable(String name) {
        dropTable(name, false, true);
    }

    /**
     * Every partition of a table, with location and statistics — fetched by name in batches; for
     * a query, {@link Session#table} selects partitions in the metastore instead.
     */
    public List<CatalogPartition> listPartitions(String name) {
        HiveCatalog catalog = hive();
        return catalog.partitions(catalog.table(resolve(name)), Optional.empty()).partitions();
    }

    /** The statistics recorded for an unpartitioned table. */
    public PartitionStatistics tableStatistics(String name) {
        return hive().tableStatistics(resolve(name));
    }

    /** The name with the current database filled in. */
    public TableName resolve(String name) {
        return TableName.parse(name, hive().currentDatabase());
    }

    /** The scan of a table, its partitions selected when the query is planned. */
    TableScan scan(String name) {
        HiveCatalog catalog = hive();
        CatalogTable table = catalog.table(resolve(name));
        return TableScan.create(table, (resolved, predicate) -> hive().partitions(resolved, predicate));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
            hive = null;
        }
    }
}
