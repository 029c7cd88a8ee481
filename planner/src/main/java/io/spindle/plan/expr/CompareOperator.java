package io.spindle.plan.expr;

/** The comparison operators; NULL_SAFE_EQUAL ({@code <=>}) is true for two nulls and never null. */
public enum CompareOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    NULL_SAFE_EQUAL("<=>");

    private final String symbol;

    CompareOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code compare(left, right)}'s sign satisfies this operator. */
    public boolean test(int comparison) {
        switch (this) {
            case EQUAL:
            case NULL_SAFE_EQUAL:
                return comparison == 0;
            case NOT_EQUAL: return comparison != 0;
            case LESS_THAN: return comparison < 0;
            case LESS_THAN_OR_EQUAL: return comparison <= 0;
            case GREATER_THAN: return comparison > 0;
            case GREATER_THAN_OR_EQUAL: return comparison >= 0;
        }
        throw new AssertionError(this);
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public CompareOperator flip() {
        switch (this) {
            case LESS_THAN: return GREATER_THAN;
            case LESS_THAN_OR_EQUAL: return GREATER_THAN_OR_EQUAL;
            case GREATER_THAN: return LESS_THAN;
            case GREATER_THAN_OR_EQUAL: return LESS_THAN_OR_EQUAL;
            case EQUAL:
            case NOT_EQUAL:
            case NULL_SAFE_EQUAL:
                return this;
        }
        throw new AssertionError(this);
    }
}
