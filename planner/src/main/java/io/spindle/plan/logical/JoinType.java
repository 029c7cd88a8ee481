package io.spindle.plan.logical;

import java.util.Locale;

/** The join types of Spark's {@code Dataset.join(other, ..., joinType)}. */
public enum JoinType {
    INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER, LEFT_SEMI, LEFT_ANTI;

    /** Spark's spellings: inner, left / leftouter / left_outer, right..., full / outer / fullouter, semi, anti. */
    public static JoinType parse(String name) {
        switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner": return INNER;
            case "left": case "leftouter": return LEFT_OUTER;
            case "right": case "rightouter": return RIGHT_OUTER;
            case "full": case "outer": case "fullouter": return FULL_OUTER;
            case "leftsemi": case "semi": return LEFT_SEMI;
            case "leftanti": case "anti": return LEFT_ANTI;
            default:
                throw new IllegalArgumentException("Unsupported join type '" + name + "'. Supported: inner, left, right, "
                        + "full, left_semi, left_anti");
        }
    }

    /** True when the left side's rows all appear in the output (matched or not). */
    public boolean preservesLeft() {
        return this == LEFT_OUTER || this == FULL_OUTER;
    }

    /** True when the right side's rows all appear in the output (matched or not). */
    public boolean preservesRight() {
        return this == RIGHT_OUTER || this == FULL_OUTER;
    }

    /** True for semi and anti joins, which output only the left side's columns. */
    public boolean leftOnly() {
        return this == LEFT_SEMI || this == LEFT_ANTI;
    }

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
