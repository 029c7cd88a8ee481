package io.spindle.conf;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key: name, type, default, documentation and an optional constraint.
 * Keys are defined only in {@link SpindleKeys}. Immutable; equality is by name.
 *
 * <p>Parsers report a bad form by throwing IllegalArgumentException with a message that
 * completes "Invalid value 'x' for configuration key 'k': ...", e.g. "expected true or false".
 */
public final class ConfigKey<T> {
    private final String name;
    private final ConfigType type;
    private final T defaultValue;
    private final String defaultText;
    private final String doc;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final Predicate<? super T> constraint;
    private final String constraintDescription;

    private ConfigKey(String name, ConfigType type, T defaultValue, String defaultText, String doc,
            Function<String, T> parser, Function<T, String> formatter, Predicate<? super T> constraint,
            String constraintDescription) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.defaultText = Objects.requireNonNull(defaultText, "defaultText");
        this.doc = Objects.requireNonNull(doc, "doc");
        this.parser = parser;
        this.formatter = formatter;
        this.constraint = constraint;
        this.constraintDescription = constraintDescription;
        // A default that breaks its own constraint is a programming error: fail at class init.
        if (!constraint.test(defaultValue)) {
            throw new IllegalArgumentException(
                    "Default " + defaultText + " of " + name + " must be " + constraintDescription);
        }
    }

    private static <T> ConfigKey<T> create(String name, ConfigType type, T defaultValue, String doc,
            Function<String, T> parser, Function<T, String> formatter) {
        return create(name, type, defaultValue, formatter.apply(defaultValue), doc, parser, formatter);
    }

    private static <T> ConfigKey<T> create(String name, ConfigType type, T defaultValue, String defaultText,
            String doc, Function<String, T> parser, Function<T, String> formatter) {
        return new ConfigKey<>(name, type, defaultValue, defaultText, doc, parser, formatter, value -> true, null);
    }

    public static ConfigKey<String> stringKey(String name, String defaultValue, String doc) {
        return create(name, ConfigType.STRING, defaultValue, doc, raw -> raw, value -> value);
    }

    public static ConfigKey<Integer> intKey(String name, int defaultValue, String doc) {
        return create(name, ConfigType.INT, defaultValue, doc,
                raw -> parseNumber(raw, ConfigType.INT, Integer::parseInt), String::valueOf);
    }

    public static ConfigKey<Long> longKey(String name, long defaultValue, String doc) {
        return create(name, ConfigType.LONG, defaultValue, doc,
                raw -> parseNumber(raw, ConfigType.LONG, Long::parseLong), String::valueOf);
    }

    public static ConfigKey<Double> doubleKey(String name, double defaultValue, String doc) {
        // BigDecimal rather than Double.parseDouble, which also takes "NaN", "Infinity" and "1d".
        return create(name, ConfigType.DOUBLE, defaultValue, doc,
                raw -> parseNumber(raw, ConfigType.DOUBLE, text -> new BigDecimal(text).doubleValue()),
                String::valueOf);
    }

    public static ConfigKey<Boolean> booleanKey(String name, boolean defaultValue, String doc) {
        return create(name, ConfigType.BOOLEAN, defaultValue, doc, ConfigKey::parseBoolean, String::valueOf);
    }

    public static ConfigKey<DataSize> dataSizeKey(String name, String defaultValue, String doc) {
        // The default keeps the text it was written with ("60s" stays "60s", not "1m").
        return create(name, ConfigType.DATA_SIZE, DataSize.parse(defaultValue), defaultValue.strip(), doc,
                raw -> DataSize.ofBytes(DataSize.parseBytes(raw)), DataSize::toString);
    }

    public static ConfigKey<Duration> durationKey(String name, String defaultValue, String doc) {
        return create(name, ConfigType.DURATION, Durations.parse(defaultValue), defaultValue.strip(), doc,
                Durations::parseDuration, Durations::format);
    }

    /**
     * This key with a constraint on its values.
     *
     * @param description completes "must be ...", e.g. "at least 1" or "local[N], local[*] or yarn"
     */
    public ConfigKey<T> requiring(Predicate<? super T> check, String description) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(description, "description");
        return new ConfigKey<>(name, type, defaultValue, defaultText, doc, parser, formatter, check, description);
    }

    public String name() {
        return name;
    }

    public ConfigType type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as written in {@code spindle-defaults.conf}; empty for an empty string. */
    public String defaultText() {
        return defaultText;
    }

    public String doc() {
        return doc;
    }

    /** What values must satisfy beyond their type, completing "must be ...", if anything. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraintDescription);
    }

    /**
     * Parses and checks a raw value.
     *
     * @throws ConfigException ({@link ConfigException#BAD_VALUE}) naming this key, the value and
     *     the expected form
     */
    public T parse(String raw) {
        if (raw == null) {
            throw badValue(null, "a value is required");
        }
        T value;
        try {
            value = parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw badValue(raw, e.getMessage());
        }
        if (!constraint.test(value)) {
            throw badValue(raw, "must be " + constraintDescription);
        }
        return value;
    }

    /** The text form of a value, which {@link #parse} reads back. */
    public String format(T value) {
        return formatter.apply(value);
    }

    private ConfigException badValue(String raw, String reason) {
        return new ConfigException(ConfigException.BAD_VALUE,
                "Invalid value '" + raw + "' for configuration key '" + name + "': " + reason + ".");
    }

    private static <N> N parseNumber(String raw, ConfigType type, Function<String, N> parse) {
        try {
            return parse.apply(raw.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected " + type.expectedForm());
        }
    }

    private static Boolean parseBoolean(String raw) {
        String text = raw.trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("expected " + ConfigType.BOOLEAN.expectedForm());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigKey<?> other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
