package io.spindle.plan.analysis;

/** A query that cannot be resolved or typed: unknown or ambiguous column, wrong argument types. */
public final class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
