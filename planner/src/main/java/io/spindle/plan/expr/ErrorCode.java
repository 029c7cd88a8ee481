package io.spindle.plan.expr;

/** Why evaluating an expression failed under ANSI semantics; carried by {@link EvaluationException}. */
public enum ErrorCode {
    ARITHMETIC_OVERFLOW,
    DIVIDE_BY_ZERO,
    CAST_INVALID_INPUT,
    CAST_OVERFLOW,
    NUMERIC_VALUE_OUT_OF_RANGE,
    CANNOT_PARSE_TIMESTAMP,
    INVALID_PARAMETER_VALUE
}
