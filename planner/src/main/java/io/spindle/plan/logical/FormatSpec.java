package io.spindle.plan.logical;

import io.spindle.formats.types.Schema;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A file format with its options, as a reader or writer was asked for it: everything an executor
 * needs to build the same {@link io.spindle.formats.FileFormat} the driver planned with (see
 * {@code FileFormats.create}). Option names are case-insensitive, as in Spark, and kept lower-case.
 *
 * @param dataSchema the files' columns when the driver resolved them (CSV reads columns by
 *     position, so it needs the schema its inference or the user chose); null when not needed
 */
public record FormatSpec(String name, Map<String, String> options, Schema dataSchema) implements Serializable {

    public FormatSpec {
        name = name.toLowerCase(Locale.ROOT);
        TreeMap<String, String> lower = new TreeMap<>();
        options.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        options = Collections.unmodifiableMap(lower);
    }

    public static FormatSpec of(String name) {
        return new FormatSpec(name, Map.of(), null);
    }

    public FormatSpec withDataSchema(Schema schema) {
        return new FormatSpec(name, options, schema);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key.toLowerCase(Locale.ROOT)));
    }

    public boolean booleanOption(String key, boolean defaultValue) {
        Optional<String> value = option(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("Option '" + key + "' of format " + name + " must be true or false, got '"
                    + value.get() + "'");
        }
        return Boolean.parseBoolean(text);
    }

    @Override
    public String toString() {
        return name + (options.isEmpty() ? "" : " " + options);
    }
}
