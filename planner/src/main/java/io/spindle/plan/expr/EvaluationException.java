package io.spindle.plan.expr;

/**
 * A value-level error that ANSI semantics make fatal (overflow, division by zero, a string that is
 * not a number). The message starts with the error code so that it survives shipping from an
 * executor as text.
 */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public EvaluationException(ErrorCode code, String message) {
        super("[" + code + "] " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static EvaluationException overflow(String what) {
        return new EvaluationException(ErrorCode.ARITHMETIC_OVERFLOW, what + " overflowed; use a wider type "
                + "(cast to long or decimal) or try_ functions");
    }

    public static EvaluationException divideByZero() {
        return new EvaluationException(ErrorCode.DIVIDE_BY_ZERO, "Division by zero");
    }
}
