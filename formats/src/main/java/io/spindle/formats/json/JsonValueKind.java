package io.spindle.formats.json;

/** The kind of a top-level field's value in one JSON line. */
enum JsonValueKind {
    MISSING, NULL, STRING, NUMBER, TRUE, FALSE, NESTED;

    String describe() {
        return switch (this) {
            case MISSING -> "nothing";
            case NULL -> "null";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NESTED -> "an object or array";
        };
    }
}
