package io.spindle.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a job's {@link SpindleConf} from its three sources. Precedence, lowest to highest: the
 * defaults file, the command line ({@code --conf k=v}), the job's code. The code wins because
 * a job that sets a value in code depends on it; the command line beats the file because it is
 * the most specific thing an operator says about one run.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_FILE_NAME = "spindle-defaults.conf";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {}

    /** @throws ConfigException naming the source (file and line, or --conf) of the first bad entry */
    public static SpindleConf load(Optional<Path> defaultsFile, Map<String, String> commandLine,
            Map<String, String> code) {
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(code, "code");
        SpindleConf fromFile = defaultsFile.map(file -> SpindleConf.of(readFile(file))).orElse(SpindleConf.defaults());
        SpindleConf withCommandLine = withSource(fromFile, commandLine, "--conf ");
        return withSource(withCommandLine, code, "");
    }

    private static SpindleConf withSource(SpindleConf base, Map<String, String> values, String source) {
        if (source.isEmpty()) {
            return base.withAll(values);
        }
        // Validate entry by entry so the error can quote the offending argument.
        for (Map.Entry<String, String> entry : sortedNullsFirst(values).entrySet()) {
            try {
                KeyValidator.validate(entry.getKey(), entry.getValue());
            } catch (ConfigException e) {
                throw e.withContext(source + entry.getKey() + "=" + entry.getValue() + ": ");
            }
        }
        return base.withAll(values);
    }

    private static Map<String, String> sortedNullsFirst(Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        sorted.putAll(values);
        return sorted;
    }

    /**
     * Reads a file in the {@code spindle-defaults.conf} format: {@code key = value} lines (the
     * value may be empty and is trimmed; everything after the first '=' is the value, so it may
     * contain '=' and '#'), blank lines, and lines starting with '#'. Every entry is validated.
     *
     * @return the entries in file order
     * @throws ConfigException naming the file and line of the first bad entry
     */
    public static Map<String, String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(ConfigException.UNREADABLE_FILE,
                    "Cannot read configuration file " + file + ": " + e, e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> lineOfKey = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            UnaryOperator<String> where = message -> file + " line " + lineNumber + ": " + message;
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(ConfigException.BAD_FILE,
                        where.apply("expected 'key = value' but found '" + line + "'."));
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            try {
                KeyValidator.validate(key, value);
            } catch (ConfigException e) {
                throw e.withContext(where.apply(""));
            }
            Integer earlier = lineOfKey.putIfAbsent(key, lineNumber);
            if (earlier != null) {
                // Silently letting the later line win hides which value is in effect.
                throw new ConfigException(ConfigException.BAD_FILE,
                        where.apply("key '" + key + "' is already set on line " + earlier + "."));
            }
            entries.put(key, value);
        }
        LOG.debug("Read {} settings from {}", entries.size(), file);
        return Collections.unmodifiableMap(entries);
    }

    /**
     * {@code $SPINDLE_CONF_DIR/spindle-defaults.conf}, else
     * {@code $SPINDLE_HOME/conf/spindle-defaults.conf}, whichever exists first; else empty.
     */
    public static Optional<Path> locateDefaultsFile() {
        return locateDefaultsFile(System::getenv);
    }

    static Optional<Path> locateDefaultsFile(UnaryOperator<String> environment) {
        Optional<Path> fromConfDir = existing(environment.apply("SPINDLE_CONF_DIR"), Path.of(DEFAULTS_FILE_NAME));
        if (fromConfDir.isPresent()) {
            return fromConfDir;
        }
        return existing(environment.apply("SPINDLE_HOME"), Path.of("conf", DEFAULTS_FILE_NAME));
    }

    private static Optional<Path> existing(String directory, Path relative) {
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(directory).resolve(relative);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
