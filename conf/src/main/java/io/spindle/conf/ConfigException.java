package io.spindle.conf;

/**
 * A configuration error a user can fix: an unknown key, a bad value or an unreadable file.
 * The message is written for the user; {@link #errorCode()} is stable for tooling and tests.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INVALID = "CONFIG_INVALID";
    public static final String UNKNOWN_KEY = "CONFIG_UNKNOWN_KEY";
    public static final String NOT_SPINDLE_KEY = "CONFIG_NOT_SPINDLE_KEY";
    public static final String BAD_VALUE = "CONFIG_BAD_VALUE";
    public static final String BAD_FILE = "CONFIG_BAD_FILE";
    public static final String UNREADABLE_FILE = "CONFIG_UNREADABLE_FILE";

    private final String errorCode;

    public ConfigException(String message) {
        this(INVALID, message, null);
    }

    public ConfigException(String errorCode, String message) {
        this(errorCode, message, null);
    }

    public ConfigException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = java.util.Objects.requireNonNull(errorCode, "errorCode");
    }

    public String errorCode() {
        return errorCode;
    }

    /** The same error with a prefix saying where the setting came from (file and line, --conf). */
    ConfigException withContext(String context) {
        return new ConfigException(errorCode, context + getMessage(), this);
    }
}
