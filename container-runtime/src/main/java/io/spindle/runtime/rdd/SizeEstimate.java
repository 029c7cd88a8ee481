package io.spindle.runtime.rdd;

import io.spindle.api.Tuple2;
import java.util.Collection;

/** Rough heap footprints of records, for memory accounting: cheap, not exact. */
final class SizeEstimate {
    /** A HashMap node plus its table slot. */
    static final long MAP_ENTRY = 48;

    private SizeEstimate() {
    }

    static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String string) {
            return 40 + string.length();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return 16;
        }
        if (value instanceof Tuple2<?, ?> tuple) {
            return 24 + of(tuple._1()) + of(tuple._2());
        }
        if (value instanceof Collection<?> collection) {
            long sampled = 0;
            int seen = 0;
            for (Object element : collection) {
                if (seen == 16) {
                    break;
                }
                sampled += of(element) + 8;
                seen++;
            }
            return 40 + (seen == 0 ? 0 : sampled * collection.size() / seen);
        }
        return 64;
    }
}
