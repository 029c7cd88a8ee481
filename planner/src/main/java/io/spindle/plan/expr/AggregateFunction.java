package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;
import java.util.List;

/**
 * The aggregate functions, with their result types (Spark's) and the types of the partial state
 * that travels through the shuffle between the partial and the final aggregation.
 *
 * <ul>
 *   <li>{@code count} is a non-null long; 0 for empty input.
 *   <li>{@code sum} of int/long is a long (overflow is an error), of double a double, of
 *       decimal(p,s) a decimal(min(38, p+10), s); NULL when every input is NULL.
 *   <li>{@code avg} is a double, or for decimal(p,s) a decimal(min(38,p+4), min(38,s+4)) rounded half up.
 *   <li>{@code min}/{@code max} keep the input type and ignore NULLs.
 *   <li>{@code first} keeps the input type; its state is (value, whether a value was seen).
 * </ul>
 */
public enum AggregateFunction {
    COUNT_STAR("count"),
    COUNT("count"),
    SUM("sum"),
    AVG("avg"),
    MIN("min"),
    MAX("max"),
    /**
     * The first value the group sees, NULL included (Spark's {@code first(x)}, ignoreNulls false).
     * Which row is first depends on the order rows reach the aggregation, which a shuffle does not
     * fix: it is deterministic only for a single input partition.
     */
    FIRST("first");

    private final String displayName;

    AggregateFunction(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public DataType resultType(DataType input) {
        switch (this) {
            case COUNT_STAR:
            case COUNT:
                return DataType.LONG;
            case SUM:
                return sumType(input);
            case AVG:
                if (input instanceof DecimalType decimal) {
                    return DecimalTypes.capped(decimal.precision() + 4, decimal.scale() + 4);
                }
                return DataType.DOUBLE;
            case MIN:
            case MAX:
            case FIRST:
                return input;
        }
        throw new AssertionError(this);
    }

    /** The partial state's column types. */
    public List<DataType> stateTypes(DataType input) {
        switch (this) {
            case COUNT_STAR:
            case COUNT:
                return List.of(DataType.LONG);
            case SUM:
                return List.of(sumType(input));
            case AVG:
                return List.of(input instanceof DecimalType ? sumType(input) : DataType.DOUBLE, DataType.LONG);
            case MIN:
            case MAX:
                return List.of(input);
            case FIRST:
                return List.of(input, DataType.BOOLEAN);
        }
        throw new AssertionError(this);
    }

    /** Whether the function accepts an input of this type (analysis reports anything else). */
    public boolean accepts(DataType input) {
        switch (this) {
            case COUNT_STAR:
            case COUNT:
            case MIN:
            case MAX:
            case FIRST:
                return true;
            case SUM:
            case AVG:
                return DecimalTypes.isNumeric(input);
        }
        throw new AssertionError(this);
    }

    private static DataType sumType(DataType input) {
        switch (input.kind()) {
            case INT:
            case LONG:
                return DataType.LONG;
            case DOUBLE:
                return DataType.DOUBLE;
            case DECIMAL:
                DecimalType decimal = (DecimalType) input;
                return DataType.decimal(Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 10), decimal.scale());
            case BOOLEAN:
            case STRING:
            case DATE:
            case TIMESTAMP:
            case BINARY:
                throw new IllegalArgumentException("sum needs a numeric input, not " + input);
        }
        throw new AssertionError(input);
    }
}
