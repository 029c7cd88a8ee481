package io.spindle.plan.expr;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique ids of output columns. Ids, not names, identify a column through optimization: two
 * columns named {@code x} from the two sides of a union or join stay distinct. Ids are only
 * minted on the driver while planning.
 */
public final class ExprIds {
    private static final AtomicLong NEXT = new AtomicLong(1);

    private ExprIds() {}

    public static long next() {
        return NEXT.getAndIncrement();
    }
}
