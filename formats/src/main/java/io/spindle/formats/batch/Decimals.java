package io.spindle.formats.batch;

import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Checks and conversions for decimal values against their declared type. */
public final class Decimals {
    private Decimals() {}

    /**
     * The unscaled value of {@code value} at {@code type}'s scale.
     *
     * @throws IllegalArgumentException if rescaling would round or the value needs more digits
     *     than the precision allows; a decimal is never silently truncated
     */
    public static BigInteger unscaled(BigDecimal value, DecimalType type) {
        BigDecimal rescaled;
        try {
            rescaled = value.setScale(type.scale());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Decimal " + value.toPlainString() + " does not fit "
                    + type + " without rounding", e);
        }
        if (rescaled.precision() > type.precision() && rescaled.signum() != 0) {
            throw new IllegalArgumentException("Decimal " + value.toPlainString() + " has more digits than "
                    + type + " allows");
        }
        return rescaled.unscaledValue();
    }
}
