package io.spindle.metastore;

import io.spindle.conf.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the catalog's metastore is and how hard to try to reach it.
 *
 * @param uris comma-separated {@code thrift://host:port} URIs of a Hive Metastore; empty means an
 *     embedded (in-process) metastore on Derby, for local mode, the demo and tests
 * @param embeddedDirectory the local directory holding the embedded metastore's Derby database
 *     (ignored with {@code uris})
 * @param warehouseDirectory where managed tables go when their location is not given, as a Hadoop
 *     path ({@code hdfs://nn/user/hive/warehouse}, {@code file:/tmp/wh}); empty means
 *     {@code <embeddedDirectory>/warehouse} for an embedded metastore and the metastore's own
 *     setting for a remote one
 * @param connectAttempts how many times to try to connect before failing (at least 1)
 * @param connectBackoff the wait after the first failed attempt; it doubles after each further one
 */
public record MetastoreSettings(String uris, Path embeddedDirectory, String warehouseDirectory,
        int connectAttempts, Duration connectBackoff) {

    public static final String URIS_KEY = "spindle.metastore.uris";
    public static final String EMBEDDED_DIR_KEY = "spindle.metastore.embedded.dir";
    public static final String WAREHOUSE_DIR_KEY = "spindle.metastore.warehouseDir";
    public static final String CONNECT_RETRIES_KEY = "spindle.metastore.connectRetries";
    public static final String CONNECT_BACKOFF_KEY = "spindle.metastore.connectBackoff";

    /** Three retries after the first attempt, waiting 1 s, 2 s, 4 s: rides out a metastore restart. */
    public static final int DEFAULT_CONNECT_RETRIES = 3;
    public static final Duration DEFAULT_CONNECT_BACKOFF = Duration.ofSeconds(1);

    public MetastoreSettings {
        uris = uris == null ? "" : uris.trim();
        Objects.requireNonNull(embeddedDirectory, "embeddedDirectory");
        warehouseDirectory = warehouseDirectory == null ? "" : warehouseDirectory.trim();
        if (connectAttempts < 1) {
            throw new IllegalArgumentException("connectAttempts must be at least 1, got " + connectAttempts);
        }
        Objects.requireNonNull(connectBackoff, "connectBackoff");
        if (connectBackoff.isNegative()) {
            throw new IllegalArgumentException("connectBackoff must not be negative, got " + connectBackoff);
        }
    }

    /** An embedded metastore in {@code directory}, warehouse beside it. */
    public static MetastoreSettings embedded(Path directory) {
        return new MetastoreSettings("", directory, "", DEFAULT_CONNECT_RETRIES + 1, DEFAULT_CONNECT_BACKOFF);
    }

    /** A remote metastore at {@code uris}. */
    public static MetastoreSettings remote(String uris) {
        return new MetastoreSettings(uris, defaultEmbeddedDirectory(), "", DEFAULT_CONNECT_RETRIES + 1,
                DEFAULT_CONNECT_BACKOFF);
    }

    /**
     * Reads the {@code spindle.metastore.*} keys from flat configuration values; absent keys take
     * their defaults. Until the keys are defined in {@code SpindleKeys}, this is their one reader.
     */
    public static MetastoreSettings from(Map<String, String> conf) {
        String directory = conf.getOrDefault(EMBEDDED_DIR_KEY, "").trim();
        int retries = parseRetries(conf.getOrDefault(CONNECT_RETRIES_KEY, String.valueOf(DEFAULT_CONNECT_RETRIES)));
        String backoff = conf.get(CONNECT_BACKOFF_KEY);
        return new MetastoreSettings(
                conf.getOrDefault(URIS_KEY, ""),
                directory.isEmpty() ? defaultEmbeddedDirectory() : Path.of(directory),
                conf.getOrDefault(WAREHOUSE_DIR_KEY, ""),
                retries + 1,
                backoff == null ? DEFAULT_CONNECT_BACKOFF : Durations.parse(backoff));
    }

    public boolean isEmbedded() {
        return uris.isEmpty();
    }

    public MetastoreSettings withConnectAttempts(int attempts, Duration backoff) {
        return new MetastoreSettings(uris, embeddedDirectory, warehouseDirectory, attempts, backoff);
    }

    public MetastoreSettings withWarehouseDirectory(String directory) {
        return new MetastoreSettings(uris, embeddedDirectory, directory, connectAttempts, connectBackoff);
    }

    /** {@code ~/.spindle/metastore}: tables made in one local run are there in the next. */
    static Path defaultEmbeddedDirectory() {
        return Path.of(System.getProperty("user.home"), ".spindle", "metastore");
    }

    private static int parseRetries(String text) {
        try {
            int retries = Integer.parseInt(text.trim());
            if (retries < 0) {
                throw new NumberFormatException();
            }
            return retries;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + text + "' for " + CONNECT_RETRIES_KEY
                    + ": expected a non-negative integer", e);
        }
    }
}
