package io.spindle.conf;

import java.util.Locale;
import java.util.Optional;

/** Checks one setting against {@link SpindleKeys}; the single place the validation rules live. */
final class KeyValidator {
    private static final String DEFAULTS_FILE = "conf/spindle-defaults.conf";

    private KeyValidator() {}

    /**
     * Throws {@link ConfigException} unless {@code key} is a known key and {@code value} parses
     * for it, or {@code key} is a {@code spindle.hadoop.*} pass-through (any value).
     */
    static void validate(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new ConfigException(ConfigException.UNKNOWN_KEY, "A configuration key must not be empty.");
        }
        if (key.startsWith(SpindleKeys.HADOOP_PREFIX)) {
            if (key.length() == SpindleKeys.HADOOP_PREFIX.length()) {
                throw new ConfigException(ConfigException.UNKNOWN_KEY, "Configuration key '" + key
                        + "' names no Hadoop setting: write spindle.hadoop.<key>, e.g. spindle.hadoop.fs.defaultFS.");
            }
            if (value == null) {
                throw new ConfigException(ConfigException.BAD_VALUE, "Missing value for configuration key '" + key + "'.");
            }
            return;
        }
        if (!key.startsWith(SpindleKeys.PREFIX)) {
            throw notSpindleKey(key);
        }
        ConfigKey<?> known = SpindleKeys.find(key).orElseThrow(() -> unknownKey(key));
        known.parse(value);
    }

    private static ConfigException notSpindleKey(String key) {
        // "executor.memory" or Spark's "spark.executor.memory" most likely mean a Spindle key;
        // anything else is most likely a Hadoop setting.
        String asSpindleKey = SpindleKeys.PREFIX + (key.startsWith("spark.") ? key.substring("spark.".length()) : key);
        String hint = closestKey(asSpindleKey)
                .map(closest -> ". Did you mean '" + closest + "'?")
                .orElse(" (here '" + SpindleKeys.HADOOP_PREFIX + key + "').");
        return new ConfigException(ConfigException.NOT_SPINDLE_KEY, "Configuration key '" + key
                + "' is not a Spindle key: Spindle keys start with 'spindle.', and Hadoop settings are passed as "
                + "spindle.hadoop.<key>" + hint);
    }

    static ConfigException unknownKey(String key) {
        String hint = closestKey(key)
                .map(closest -> "Did you mean '" + closest + "'? (all keys are listed in " + DEFAULTS_FILE + ")")
                .orElse("No known key is close to it; all keys are listed in " + DEFAULTS_FILE + ".");
        return new ConfigException(ConfigException.UNKNOWN_KEY, "Unknown configuration key '" + key + "'. " + hint);
    }

    /**
     * The known key nearest to {@code key} by edit distance (case-insensitive, a transposition
     * counts as one edit), if it is close enough to be a plausible typo; ties go to the key
     * defined first.
     */
    static Optional<String> closestKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        // About one edit per five characters: catches typos and case slips without offering
        // an unrelated key for a name that was simply made up.
        int threshold = Math.max(2, key.length() / 5);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey<?> candidate : SpindleKeys.all()) {
            int distance = EditDistance.between(lower, candidate.name().toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate.name();
                bestDistance = distance;
            }
        }
        return bestDistance <= threshold ? Optional.ofNullable(best) : Optional.empty();
    }
}
