package io.spindle.plan.stage;

/** A collect() brought back more than {@code spindle.driver.maxResultSize}. */
public final class ResultTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResultTooLargeException(String message) {
        super(message);
    }
}
