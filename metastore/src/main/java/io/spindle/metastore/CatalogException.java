package io.spindle.metastore;

import java.util.Objects;

/** A catalog operation failed; {@link #code()} says how, the message says what to do about it. */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CatalogErrorCode code;

    public CatalogException(CatalogErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CatalogException(CatalogErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CatalogErrorCode code() {
        return code;
    }
}
