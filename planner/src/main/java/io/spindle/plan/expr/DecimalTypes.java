package io.spindle.plan.expr;

import io.spindle.formats.types.DataType;
import io.spindle.formats.types.DecimalType;

/**
 * Spark's decimal typing rules (with {@code allowPrecisionLoss}): result types of arithmetic, the
 * decimal type an integral value widens to, and the bounding of precision at 38 digits that keeps
 * at least 6 fractional digits where the integral digits allow.
 */
public final class DecimalTypes {
    /** Smallest scale the bounding keeps when it must drop fractional digits. */
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private DecimalTypes() {}

    public static boolean isNumeric(DataType type) {
        switch (type.kind()) {
            case INT:
            case LONG:
            case DOUBLE:
            case DECIMAL:
                return true;
            case BOOLEAN:
            case STRING:
            case DATE:
            case TIMESTAMP:
            case BINARY:
                return false;
        }
        throw new AssertionError(type);
    }

    /** The decimal an integral type widens to: int is decimal(10,0), long decimal(20,0). */
    public static DecimalType forIntegral(DataType type) {
        switch (type.kind()) {
            case INT: return DataType.decimal(10, 0);
            case LONG: return DataType.decimal(20, 0);
            case DECIMAL: return (DecimalType) type;
            case BOOLEAN:
            case DOUBLE:
            case STRING:
            case DATE:
            case TIMESTAMP:
            case BINARY:
                break;
        }
        throw new IllegalArgumentException("No exact decimal for " + type);
    }

    /** The result type of {@code left op right} on decimals. */
    public static DecimalType resultOf(ArithmeticOperator operator, DecimalType left, DecimalType right) {
        int p1 = left.precision();
        int s1 = left.scale();
        int p2 = right.precision();
        int s2 = right.scale();
        switch (operator) {
            case ADD:
            case SUBTRACT: {
                int scale = Math.max(s1, s2);
                return bounded(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
            }
            case MULTIPLY:
                return bounded(p1 + p2 + 1, s1 + s2);
            case DIVIDE: {
                int scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
                return bounded(p1 - s1 + s2 + scale, scale);
            }
            case REMAINDER: {
                int scale = Math.max(s1, s2);
                return bounded(Math.min(p1 - s1, p2 - s2) + scale, scale);
            }
        }
        throw new AssertionError(operator);
    }

    /** The type both sides of a comparison (or a coalesce / case branch) widen to. */
    public static DecimalType wider(DecimalType left, DecimalType right) {
        int scale = Math.max(left.scale(), right.scale());
        int integral = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
        return bounded(integral + scale, scale);
    }

    /** decimal(min(38, precision), min(38, scale)): Spark's plain bounding, used by avg. */
    public static DecimalType capped(int precision, int scale) {
        return DataType.decimal(Math.min(DecimalType.MAX_PRECISION, precision), Math.min(DecimalType.MAX_PRECISION, scale));
    }

    /**
     * decimal(precision, scale) if precision ≤ 38; otherwise 38 digits, giving up fractional digits
     * first but keeping at least min(scale, 6) of them.
     */
    public static DecimalType bounded(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) {
            return DataType.decimal(Math.max(1, precision), Math.min(scale, precision));
        }
        int integral = precision - scale;
        int minimumScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
        int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integral, minimumScale);
        return DataType.decimal(DecimalType.MAX_PRECISION, adjustedScale);
    }
}
