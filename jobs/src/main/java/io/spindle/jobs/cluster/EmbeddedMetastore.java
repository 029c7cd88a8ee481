package io.spindle.jobs.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hive.metastore.HiveMetaStore;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf.ConfVars;
import org.apache.hadoop.hive.metastore.security.HadoopThriftAuthBridge;

/** The Thrift metastore: {@code HiveMetaStore.startMetaStore} on a daemon thread. */
final class EmbeddedMetastore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMetastore.class);
    private static final long METASTORE_START_TIMEOUT_MS = 120_000;

    final String uri;
    final String warehouse;
    final String externalWarehouse;
    private final String derbyUrl;
    private final Thread thread;

    private EmbeddedMetastore(String uri, String warehouse, String externalWarehouse, String derbyUrl, Thread thread) {
        this.uri = uri;
        this.warehouse = warehouse;
        this.externalWarehouse = externalWarehouse;
        this.derbyUrl = derbyUrl;
        this.thread = thread;
    }

    static EmbeddedMetastore start(Path dir, Configuration cluster) throws IOException {
        Files.createDirectories(dir);
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        String fsUri = cluster.get(FileSystem.FS_DEFAULT_NAME_KEY);
        String warehouse = fsUri + "/user/hive/warehouse";
        String external = fsUri + "/user/hive/external";
        String derbyDb = dir.resolve("derby-db").toString();

        Configuration conf = MetastoreConf.newMetastoreConf();
        for (Map.Entry<String, String> e : cluster) { // fs.defaultFS and the HDFS client settings
            if (e.getKey().startsWith("fs.") || e.getKey().startsWith("dfs.") || e.getKey().startsWith("hadoop.")) {
                conf.set(e.getKey(), e.getValue());
            }
        }
        MetastoreConf.setVar(conf, ConfVars.CONNECT_URL_KEY, "jdbc:derby:;databaseName=" + derbyDb + ";create=true");
        MetastoreConf.setBoolVar(conf, ConfVars.AUTO_CREATE_ALL, true);
        MetastoreConf.setBoolVar(conf, ConfVars.SCHEMA_VERIFICATION, false);
        MetastoreConf.setVar(conf, ConfVars.WAREHOUSE, warehouse);
        MetastoreConf.setVar(conf, ConfVars.WAREHOUSE_EXTERNAL, external);
        MetastoreConf.setVar(conf, ConfVars.THRIFT_BIND_HOST, "127.0.0.1");
        MetastoreConf.setBoolVar(conf, ConfVars.EVENT_DB_NOTIFICATION_API_AUTH, false);
        MetastoreConf.setBoolVar(conf, ConfVars.METRICS_ENABLED, false);
        MetastoreConf.setBoolVar(conf, ConfVars.COMPACTOR_INITIATOR_ON, false);
        MetastoreConf.setBoolVar(conf, ConfVars.COMPACTOR_CLEANER_ON, false);
        MetastoreConf.setBoolVar(conf, ConfVars.SCHEDULED_QUERIES_ENABLED, false);
        MetastoreConf.setLongVar(conf, ConfVars.SERVER_MIN_THREADS, 4);
        MetastoreConf.setLongVar(conf, ConfVars.SERVER_MAX_THREADS, 200);

        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            try {
                return startOn(port, conf, warehouse, external, derbyDb);
            } catch (PortTakenException e) {
                LOG.warn("Metastore port {} was taken; retrying with another ({})", port, e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static EmbeddedMetastore startOn(int port, Configuration conf, String warehouse, String external,
                                     String derbyDb) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                HiveMetaStore.startMetaStore(port, HadoopThriftAuthBridge.getBridge(), conf);
            } catch (Throwable e) {
                failure.set(e);
                LOG.error("Hive Metastore on port {} stopped with an error", port, e);
            }
        }, "spindle-metastore-" + port);
        thread.setDaemon(true);
        thread.start();

        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(METASTORE_START_TIMEOUT_MS);
        while (!accepts(port)) {
            if (!thread.isAlive()) {
                Throwable cause = failure.get();
                if (cause != null && isBindFailure(cause)) {
                    throw new PortTakenException(String.valueOf(cause), cause);
                }
                throw new IOException("Hive Metastore exited before serving on port " + port, cause);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Hive Metastore did not accept connections on 127.0.0.1:" + port
                        + " within " + METASTORE_START_TIMEOUT_MS + " ms");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the metastore", e);
            }
        }
        String derbyUrl = "jdbc:derby:" + derbyDb;
        return new EmbeddedMetastore("thrift://127.0.0.1:" + port, warehouse, external, derbyUrl, thread);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof java.net.BindException || m.contains("Address already in use")
                    || m.contains("Could not create ServerSocket")) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /**
     * HiveMetaStore has no public stop: the Thrift server sits in a static field, wrapped in an
     * anonymous class that captured the {@code TServer}. Stop that (so serve() returns and the
     * thread ends), then the optional property servlet, then shut the Derby database down.
     */
    void stop() {
        try {
            Object server = staticField(HiveMetaStore.class, "thriftServer");
            if (server != null) {
                for (Object inner : fieldsOf(server)) {
                    if (inner != null && isThriftServer(inner.getClass())) {
                        Method stop = inner.getClass().getMethod("stop");
                        stop.invoke(inner);
                    }
                }
            }
            Object property = staticField(HiveMetaStore.class, "propertyServer");
            if (property != null) {
                property.getClass().getMethod("stop").invoke(property);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not stop the metastore's Thrift server; its daemon thread stays until JVM exit", e);
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Metastore thread still alive after stop (daemon; it ends with the JVM)");
        }
        try {
            DriverManager.getConnection(derbyUrl + ";shutdown=true").close();
        } catch (SQLException e) {
            // SQLState 08006 is Derby's normal answer to a database shutdown.
            if (!"08006".equals(e.getSQLState())) {
                LOG.debug("Derby shutdown of {}: {}", derbyUrl, e.toString());
            }
        }
    }

    private static boolean isThriftServer(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals("org.apache.thrift.server.TServer")) {
                return true;
            }
        }
        return false;
    }

    private static Object staticField(Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private static List<Object> fieldsOf(Object o) throws IllegalAccessException {
        List<Object> values = new ArrayList<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                values.add(f.get(o));
            }
        }
        return values;
    }


    private static final class PortTakenException extends IOException {
        PortTakenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ------------------------------------------------------------------ options
}
