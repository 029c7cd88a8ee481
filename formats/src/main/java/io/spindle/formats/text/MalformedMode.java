package io.spindle.formats.text;

/** What a text-format reader does with a record it cannot read (wrong field count, unparsable value, bad quoting). */
public enum MalformedMode {
    /** Fail the read with an error naming the file, line and column. The default, as silent loss is worse. */
    FAILFAST,
    /** Drop the record and count it. */
    DROPMALFORMED,
    /** Drop the record, count it, and copy its raw text to a quarantine file for inspection. */
    QUARANTINE
}
