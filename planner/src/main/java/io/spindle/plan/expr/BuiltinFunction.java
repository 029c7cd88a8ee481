package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import java.util.List;

/**
 * The scalar built-in functions of {@code io.spindle.api.functions} beyond operators, with the
 * argument types the analyzer casts to (Spark's implicit casts: a string date argument is cast
 * to date, a number to a string argument to string) and the result type. Semantics live in
 * {@link StringFunctions} and {@link DateFunctions}; every function returns NULL when any
 * argument is NULL.
 */
public enum BuiltinFunction {
    LOWER("lower", DataType.STRING, DataType.STRING),
    UPPER("upper", DataType.STRING, DataType.STRING),
    LENGTH("length", DataType.INT, DataType.STRING),
    TRIM("trim", DataType.STRING, DataType.STRING),
    SUBSTRING("substring", DataType.STRING, DataType.STRING, DataType.INT, DataType.INT),
    /** Any number of arguments, all cast to string. */
    CONCAT("concat", DataType.STRING),
    LIKE("like", DataType.BOOLEAN, DataType.STRING, DataType.STRING),
    REGEXP_EXTRACT("regexp_extract", DataType.STRING, DataType.STRING, DataType.STRING, DataType.INT),
    /** {@code split(s, regex).getItem(i)}: piece i (0-based) of the split, NULL past the last. */
    SPLIT_ITEM("split_item", DataType.STRING, DataType.STRING, DataType.STRING, DataType.INT),
    TO_DATE("to_date", DataType.DATE, DataType.STRING, DataType.STRING),
    /** Replaced by its value when the query is optimized, so one query sees one date. */
    CURRENT_DATE("current_date", DataType.DATE),
    DATE_ADD("date_add", DataType.DATE, DataType.DATE, DataType.INT),
    DATE_SUB("date_sub", DataType.DATE, DataType.DATE, DataType.INT),
    DATEDIFF("datediff", DataType.INT, DataType.DATE, DataType.DATE),
    YEAR("year", DataType.INT, DataType.DATE),
    MONTH("month", DataType.INT, DataType.DATE),
    DAYOFMONTH("dayofmonth", DataType.INT, DataType.DATE),
    DATE_FORMAT("date_format", DataType.STRING, DataType.TIMESTAMP, DataType.STRING);

    private final String displayName;
    private final DataType resultType;
    private final List<DataType> argumentTypes;

    BuiltinFunction(String displayName, DataType resultType, DataType... argumentTypes) {
        this.displayName = displayName;
        this.resultType = resultType;
        this.argumentTypes = List.of(argumentTypes);
    }

    public String displayName() {
        return displayName;
    }

    public DataType resultType() {
        return resultType;
    }

    /** The type argument {@code index} is cast to. */
    public DataType argumentType(int index) {
        return this == CONCAT ? DataType.STRING : argumentTypes.get(index);
    }

    /** Whether {@code count} arguments fit; trailing optional arguments are allowed for to_date. */
    public boolean acceptsArity(int count) {
        if (this == CONCAT) {
            return count >= 1;
        }
        if (this == TO_DATE) {
            return count == 1 || count == 2;
        }
        return count == argumentTypes.size();
    }
}
