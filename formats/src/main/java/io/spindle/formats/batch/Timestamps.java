package io.spindle.formats.batch;

import java.time.Instant;

/** Conversions between Spindle's timestamp representation (micros since epoch UTC) and Java. */
public final class Timestamps {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private Timestamps() {}

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
    }

    /** Microseconds since the epoch; sub-microsecond digits are dropped (rounding toward the past). */
    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1000);
    }
}
