package io.spindle.formats.text;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The malformed-record policy of a CSV or JSON reader.
 *
 * @param mode what to do with a bad record
 * @param quarantineDirectory where {@link MalformedMode#QUARANTINE} writes raw records (a Hadoop
 *     path string), one file per reader: {@code <file name>.bad} for a split at the file's start,
 *     {@code <file name>.<split start>.bad} for later splits, created on the first bad record
 * @param maxSamples how many error messages {@link MalformedRecords#samples()} keeps
 */
public record MalformedPolicy(MalformedMode mode, Optional<String> quarantineDirectory, int maxSamples)
        implements Serializable {
    public MalformedPolicy {
        Objects.requireNonNull(mode, "mode");
        if (mode == MalformedMode.QUARANTINE && quarantineDirectory.isEmpty()) {
            throw new IllegalArgumentException("QUARANTINE needs a quarantine directory");
        }
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must not be negative, got " + maxSamples);
        }
    }

    public static MalformedPolicy failFast() {
        return new MalformedPolicy(MalformedMode.FAILFAST, Optional.empty(), 10);
    }

    public static MalformedPolicy dropMalformed() {
        return new MalformedPolicy(MalformedMode.DROPMALFORMED, Optional.empty(), 10);
    }

    public static MalformedPolicy quarantine(String directory) {
        return new MalformedPolicy(MalformedMode.QUARANTINE, Optional.of(directory), 10);
    }
}
