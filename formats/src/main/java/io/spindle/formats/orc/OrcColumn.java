package io.spindle.formats.orc;

import io.spindle.formats.types.Field;
import org.apache.orc.TypeDescription;

/**
 * A required column resolved against an ORC file: where it is in the file's top-level struct, its
 * ORC type, and how its values are copied into a Spindle vector. A column the file lacks has
 * {@code fileIndex} -1 and reads as nulls.
 */
record OrcColumn(Field field, int fileIndex, String fileName, TypeDescription fileType, OrcConversion conversion) {
    static OrcColumn missing(Field field) {
        return new OrcColumn(field, -1, null, null, null);
    }

    boolean isMissing() {
        return fileIndex < 0;
    }
}
