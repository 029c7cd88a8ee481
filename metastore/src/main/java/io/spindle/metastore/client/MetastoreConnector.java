package io.spindle.metastore.client;

import io.spindle.metastore.CatalogErrorCode;
import io.spindle.metastore.CatalogException;
import io.spindle.metastore.MetastoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf.ConfVars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a metastore client: Thrift to {@link MetastoreSettings#uris()}, or an embedded metastore
 * (the metastore's handler running in this JVM, on Derby) when no URI is set.
 *
 * <p>Connecting is retried with exponential backoff: a metastore restarting during a nightly run
 * should cost a few seconds, not the run. The final error names the URI and what to check.
 */
public final class MetastoreConnector {
    private static final Logger LOG = LoggerFactory.getLogger(MetastoreConnector.class);

    /**
     * The Derby database the embedded metastore of this JVM uses. The metastore's persistence
     * layer (DataNucleus) keeps one factory per JVM; a second embedded metastore on another
     * database would silently re-point the first one, so it is refused instead.
     */
    private static String embeddedDatabase;

    private MetastoreConnector() {}

    /** An open client and how to name it in messages. */
    public record Connection(MetastoreCalls calls, String description, String warehouseDirectory) {}

    public static Connection connect(MetastoreSettings settings, Configuration hadoopConf) {
        Configuration conf = MetastoreConf.newMetastoreConf();
        for (Map.Entry<String, String> entry : hadoopConf) {
            conf.set(entry.getKey(), entry.getValue());
        }
        // Spindle retries with backoff itself; the client's own loop would multiply the attempts.
        MetastoreConf.setLongVar(conf, ConfVars.THRIFT_CONNECTION_RETRIES, 1);
        MetastoreConf.setTimeVar(conf, ConfVars.CLIENT_CONNECT_RETRY_DELAY, 0, java.util.concurrent.TimeUnit.SECONDS);
        String description;
        String warehouse;
        if (settings.isEmbedded()) {
            warehouse = configureEmbedded(settings, conf);
            description = "the embedded metastore in " + settings.embeddedDirectory();
        } else {
            MetastoreConf.setVar(conf, ConfVars.THRIFT_URIS, settings.uris());
            warehouse = settings.warehouseDirectory();
            description = "the Hive Metastore at " + settings.uris();
        }
        IMetaStoreClient client = connectWithRetries(conf, settings, description);
        return new Connection(new HiveClientCalls(client), description, warehouse);
    }

    private static IMetaStoreClient connectWithRetries(Configuration conf, MetastoreSettings settings,
            String description) {
        Duration backoff = settings.connectBackoff();
        long started = System.nanoTime();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.connectAttempts(); attempt++) {
            try {
                return new HiveMetaStoreClient(conf);
            } catch (MetaException | RuntimeException e) {
                last = e;
                if (attempt == settings.connectAttempts()) {
                    break;
                }
                LOG.warn("Could not connect to {} (attempt {} of {}): {}; retrying in {} ms", description, attempt,
                        settings.connectAttempts(), rootMessage(e), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        throw new CatalogException(CatalogErrorCode.CONNECTION_FAILED, "Could not connect to " + description + " after "
                + settings.connectAttempts() + " attempt(s) over " + String.format("%.1f", seconds) + " s: "
                + rootMessage(last) + ". " + advice(settings, last), last);
    }

    private static String advice(MetastoreSettings settings, Exception failure) {
        if (!settings.isEmbedded()) {
            return "Check that the metastore is running and reachable from this host (host name, port, firewall), and "
                    + "that " + MetastoreSettings.URIS_KEY + " is right; leave it empty for an embedded metastore.";
        }
        if (rootMessage(failure).contains("Another instance of Derby")) {
            return "Another process has the embedded metastore's database open; stop it, or point "
                    + MetastoreSettings.EMBEDDED_DIR_KEY + " at another directory.";
        }
        return "Check that " + MetastoreSettings.EMBEDDED_DIR_KEY + " (" + settings.embeddedDirectory()
                + ") is a writable local directory.";
    }

    private static String configureEmbedded(MetastoreSettings settings, Configuration conf) {
        Path directory = settings.embeddedDirectory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.CONNECTION_FAILED, "Cannot create the embedded metastore's "
                    + "directory " + directory + " (" + MetastoreSettings.EMBEDDED_DIR_KEY + "): " + e.getMessage(), e);
        }
        String database = directory.resolve("derby").toString();
        claimEmbedded(database);
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", directory.resolve("derby.log").toString());
        }
        String warehouse = settings.warehouseDirectory().isEmpty()
                ? directory.resolve("warehouse").toUri().toString() : settings.warehouseDirectory();
        MetastoreConf.setVar(conf, ConfVars.THRIFT_URIS, "");
        MetastoreConf.setVar(conf, ConfVars.CONNECT_URL_KEY, "jdbc:derby:;databaseName=" + database + ";create=true");
        MetastoreConf.setBoolVar(conf, ConfVars.AUTO_CREATE_ALL, true);
        MetastoreConf.setBoolVar(conf, ConfVars.SCHEMA_VERIFICATION, false);
        // One warehouse for managed and external tables, so a database has one directory.
        MetastoreConf.setVar(conf, ConfVars.WAREHOUSE, warehouse);
        MetastoreConf.setVar(conf, ConfVars.WAREHOUSE_EXTERNAL, warehouse);
        // Hive 4 "translates" a created managed non-ACID table into an external one with purge; locally
        // there is no ACID, so keep the table as created.
        MetastoreConf.setVar(conf, ConfVars.METASTORE_METADATA_TRANSFORMER_CLASS, " ");
        // Integer partition filters also work when a query falls back from direct SQL to JDO.
        MetastoreConf.setBoolVar(conf, ConfVars.INTEGER_JDO_PUSHDOWN, true);
        // On Derby, direct SQL does not batch: add_partitions writes all partitions' rows in one
        // multi-row INSERT, which Derby compiles recursively and overflows the stack on at a few
        // hundred partitions. Batches keep each statement small; 300 matches the catalog's own
        // getPartitionsByNames batches, which a smaller value here would answer with duplicates.
        MetastoreConf.setLongVar(conf, ConfVars.DIRECT_SQL_PARTITION_BATCH_SIZE, 300);
        MetastoreConf.setBoolVar(conf, ConfVars.EVENT_DB_NOTIFICATION_API_AUTH, false);
        MetastoreConf.setBoolVar(conf, ConfVars.METRICS_ENABLED, false);
        MetastoreConf.setBoolVar(conf, ConfVars.COMPACTOR_INITIATOR_ON, false);
        MetastoreConf.setBoolVar(conf, ConfVars.COMPACTOR_CLEANER_ON, false);
        MetastoreConf.setBoolVar(conf, ConfVars.SCHEDULED_QUERIES_ENABLED, false);
        warmUp(conf);
        return warehouse;
    }

    private static synchronized void claimEmbedded(String database) {
        if (embeddedDatabase != null && !embeddedDatabase.equals(database)) {
            throw new CatalogException(CatalogErrorCode.CONNECTION_FAILED, "This JVM already runs an embedded metastore "
                    + "on " + embeddedDatabase + "; a second one on " + database + " is not possible (the metastore's "
                    + "persistence layer is per JVM). Use the same " + MetastoreSettings.EMBEDDED_DIR_KEY + ".");
        }
        embeddedDatabase = database;
    }

    /**
     * On a new database the metastore (DataNucleus) creates each table lazily, when its class is
     * first used. Direct SQL does not wait for that: its self-test fails on the missing tables and
     * turns direct SQL off for that handler (integer and date partition filters then fail with
     * "Filtering is supported only on partition keys of type string"), and the first
     * {@code add_partitions} fails on a missing PARTITIONS table and breaks the connection.
     * A throw-away first client in the metastore's test mode runs its {@code ensureDbInit}, which
     * touches every model class and so creates every table; the real clients (not in test mode)
     * then find a complete schema. On an existing database this costs milliseconds.
     */
    private static void warmUp(Configuration conf) {
        Configuration warmUp = new Configuration(conf);
        MetastoreConf.setBoolVar(warmUp, ConfVars.HIVE_IN_TEST, true);
        try {
            IMetaStoreClient first = new HiveMetaStoreClient(warmUp);
            try {
                first.getAllDatabases();
            } finally {
                first.close();
            }
        } catch (Exception e) {
            // The real connection attempt reports the failure with its advice.
            LOG.debug("Embedded metastore warm-up failed", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        if (root != e && root != null) {
            message.append(" (caused by ").append(root.getClass().getSimpleName()).append(": ")
                    .append(root.getMessage()).append(')');
        }
        return message.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.CONNECTION_FAILED, "Interrupted while waiting to reconnect", e);
        }
    }
}
