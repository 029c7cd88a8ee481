package io.spindle.formats.predicate;

/** The operator of a {@link Comparison}. */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * The operator whose result is the logical negation for non-null operands: NOT (a < b) is a >= b.
     * Under three-valued logic the two agree on null operands too (both are unknown).
     */
    public ComparisonOperator negate() {
        switch (this) {
            case EQUAL: return NOT_EQUAL;
            case NOT_EQUAL: return EQUAL;
            case LESS_THAN: return GREATER_THAN_OR_EQUAL;
            case LESS_THAN_OR_EQUAL: return GREATER_THAN;
            case GREATER_THAN: return LESS_THAN_OR_EQUAL;
            case GREATER_THAN_OR_EQUAL: return LESS_THAN;
        }
        throw new AssertionError(this);
    }

    /** Whether a comparison result ({@code compare(value, literal)}) satisfies this operator. */
    public boolean test(int comparison) {
        switch (this) {
            case EQUAL: return comparison == 0;
            case NOT_EQUAL: return comparison != 0;
            case LESS_THAN: return comparison < 0;
            case LESS_THAN_OR_EQUAL: return comparison <= 0;
            case GREATER_THAN: return comparison > 0;
            case GREATER_THAN_OR_EQUAL: return comparison >= 0;
        }
        throw new AssertionError(this);
    }
}
