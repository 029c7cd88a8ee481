package io.spindle.conf;

/** The value types a configuration key can have; each knows how to describe its textual form. */
public enum ConfigType {
    STRING("text"),
    INT("an integer such as 4"),
    LONG("an integer such as 1000"),
    DOUBLE("a number such as 0.75"),
    BOOLEAN("true or false"),
    DATA_SIZE("a data size such as 512m or 2g"),
    DURATION("a duration such as 250ms, 30s, 5m, 2h or 1d");

    private final String expectedForm;

    ConfigType(String expectedForm) {
        this.expectedForm = expectedForm;
    }

    /** A phrase that completes "expected ...", used in error messages. */
    public String expectedForm() {
        return expectedForm;
    }

    /** The name used in {@code spindle-defaults.conf}, e.g. "data size". */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
