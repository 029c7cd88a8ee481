package io.spindle.formats.predicate;

import io.spindle.formats.types.DataType;
import java.util.Objects;

/**
 * What a file says about one column in one unit of data (a row group, a stripe, a page): bounds,
 * null count and row count. Values are in the Java form of the column's type.
 *
 * @param min lower bound of the non-null values, or null if unknown
 * @param max upper bound of the non-null values, or null if unknown
 * @param nullCount number of null rows, or -1 if unknown
 * @param rowCount number of rows, nulls included
 * @param maxIncludesNaN false when the writer may have left NaN out of a double column's max, so
 *     the max must not be trusted for ordering (NaN sorts above every number)
 */
public record ColumnStatistics(DataType type, Object min, Object max, long nullCount, long rowCount,
        boolean maxIncludesNaN) {
    public ColumnStatistics {
        Objects.requireNonNull(type, "type");
        if ((min == null) != (max == null)) {
            throw new IllegalArgumentException("min and max are either both known or both unknown");
        }
    }

    /** Statistics with no bounds and an unknown null count: they prove nothing. */
    public static ColumnStatistics unknown(DataType type, long rowCount) {
        return new ColumnStatistics(type, null, null, -1, rowCount, true);
    }

    /** A column absent from a file, read as all nulls. */
    public static ColumnStatistics allNull(DataType type, long rowCount) {
        return new ColumnStatistics(type, null, null, rowCount, rowCount, true);
    }

    public boolean hasBounds() {
        return min != null;
    }

    /** True when every row is known to be null. */
    public boolean allNull() {
        return nullCount >= 0 && nullCount == rowCount;
    }

    /** True when no row is null. */
    public boolean noNulls() {
        return nullCount == 0;
    }
}
