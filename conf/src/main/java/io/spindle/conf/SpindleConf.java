package io.spindle.conf;

import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of explicitly set configuration values; everything else reads as its key's
 * default. Every value is validated when it is set, so a typo fails at startup, not an hour
 * into a job. Serializable so that the driver can ship it to executors.
 */
public final class SpindleConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SpindleConf DEFAULTS = new SpindleConf(new TreeMap<>());

    // Raw text as set; typed values are parsed on read so this stays trivially serializable.
    private final TreeMap<String, String> values;

    private SpindleConf(TreeMap<String, String> values) {
        this.values = values;
    }

    /** Nothing set: every {@link #get} returns the key's default. */
    public static SpindleConf defaults() {
        return DEFAULTS;
    }

    /** @throws ConfigException for the first invalid entry in key order */
    public static SpindleConf of(Map<String, String> values) {
        return DEFAULTS.withAll(values);
    }

    public <T> T get(ConfigKey<T> key) {
        String raw = values.get(key.name());
        return raw == null ? key.defaultValue() : key.parse(raw);
    }

    public boolean isSet(ConfigKey<?> key) {
        return values.containsKey(key.name());
    }

    /** The explicitly set values, sorted by key, including {@code spindle.hadoop.*} keys. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableSortedMap(values);
    }

    /** The {@code spindle.hadoop.*} settings with the prefix removed, ready for a Hadoop Configuration. */
    public Map<String, String> hadoopOverrides() {
        SortedMap<String, String> hadoop = new TreeMap<>();
        values.subMap(SpindleKeys.HADOOP_PREFIX, SpindleKeys.HADOOP_PREFIX + Character.MAX_VALUE)
                .forEach((key, value) -> hadoop.put(key.substring(SpindleKeys.HADOOP_PREFIX.length()), value));
        return Collections.unmodifiableSortedMap(hadoop);
    }

    /** A copy with one more value; it replaces any earlier value of the key. */
    public SpindleConf with(String key, String value) {
        return withAll(Collections.singletonMap(key, value));
    }

    /** A copy with these values added; they replace earlier values of the same keys. */
    public SpindleConf withAll(Map<String, String> newValues) {
        Objects.requireNonNull(newValues, "values");
        if (newValues.isEmpty()) {
            return this;
        }
        // Validate in key order so the reported error does not depend on the map's iteration order.
        // A null key sorts first so that validation, not the TreeMap, reports it.
        TreeMap<String, String> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        sorted.putAll(newValues);
        sorted.forEach(KeyValidator::validate);
        TreeMap<String, String> merged = new TreeMap<>(values);
        merged.putAll(sorted);
        return new SpindleConf(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpindleConf other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The set values, with those of keys that look like credentials hidden, since confs get logged. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SpindleConf{");
        values.forEach((key, value) -> {
            if (text.length() > "SpindleConf{".length()) {
                text.append(", ");
            }
            text.append(key).append('=').append(looksSecret(key) ? "*****" : value);
        });
        return text.append('}').toString();
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("secret") || lower.contains("password") || lower.contains("token")
                || lower.contains("credential") || lower.endsWith(".key");
    }
}
