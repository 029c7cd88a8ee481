package io.spindle.metastore.testing;

import io.spindle.metastore.HiveCatalog;
import io.spindle.metastore.MetastoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * One embedded metastore per test JVM (it takes several seconds to create its schema, and the
 * metastore's persistence layer allows one embedded database per JVM). Each test class works in
 * its own database, from {@link #newDatabase}.
 */
public final class SharedMetastore {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Path directory;
    private static HiveCatalog catalog;

    private SharedMetastore() {}

    public static synchronized HiveCatalog catalog() {
        if (catalog == null) {
            try {
                directory = Files.createTempDirectory("spindle-metastore-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catalog = HiveCatalog.connect(MetastoreSettings.embedded(directory), hadoopConf());
            Runtime.getRuntime().addShutdownHook(new Thread(catalog::close));
        }
        return catalog;
    }

    /** The settings of the shared metastore, for tests that open a second catalog on it. */
    public static synchronized MetastoreSettings settings() {
        catalog();
        return MetastoreSettings.embedded(directory);
    }

    public static Configuration hadoopConf() {
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", "file:///");
        return conf;
    }

    /** A fresh, empty database named after the test. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        catalog().createDatabase(name, java.util.Optional.empty(), false);
        return name;
    }
}
