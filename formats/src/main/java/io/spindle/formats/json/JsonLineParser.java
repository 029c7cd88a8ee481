package io.spindle.formats.json;

import io.spindle.formats.text.RecordBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one JSON object per line, recording for each wanted field where its value is — without
 * building a tree. Keys are matched against the wanted names byte for byte first, then ignoring
 * (ASCII) case. String values are unescaped into a side buffer; numbers, booleans and nested
 * objects or arrays are kept as spans of the line. A repeated key keeps its last value.
 */
final class JsonLineParser {
    /** A syntax error, with the 0-based byte position in the line where it was found. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        SyntaxError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    private final byte[][] names;
    private final JsonValueKind[] kinds;
    private final int[] starts;
    private final int[] ends;
    private final RecordBuffer strings = new RecordBuffer();
    private final RecordBuffer key = new RecordBuffer();
    private final UnknownKeys unknownKeys;
    private byte[] line;
    private int end;
    private int position;

    /** Receives keys that match no wanted name; schema inference uses it to discover fields. */
    interface UnknownKeys {
        void found(String key, JsonValueKind kind, byte[] line, int start, int end);
    }

    JsonLineParser(List<String> wantedNames, UnknownKeys unknownKeys) {
        this.names = new byte[wantedNames.size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = wantedNames.get(i).getBytes(StandardCharsets.UTF_8);
        }
        this.kinds = new JsonValueKind[names.length];
        this.starts = new int[names.length];
        this.ends = new int[names.length];
        this.unknownKeys = unknownKeys;
    }

    void parse(byte[] bytes, int length) throws SyntaxError {
        Arrays.fill(kinds, JsonValueKind.MISSING);
        strings.clear();
        line = bytes;
        end = length;
        position = 0;
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            position++;
        } else {
            do {
                member();
            } while (separator());
        }
        skipWhitespace();
        if (position != end) {
            throw new SyntaxError("unexpected text after the object", position);
        }
    }

    private void member() throws SyntaxError {
        skipWhitespace();
        key.clear();
        if (peek() != '"') {
            throw new SyntaxError("expected a field name in double quotes", position);
        }
        position++;
        readString(key);
        expect(':');
        skipWhitespace();
        int field = match();
        int start = position;
        JsonValueKind kind = value(field);
        if (field >= 0) {
            kinds[field] = kind;
        } else if (unknownKeys != null) {
            unknownKeys.found(key.toString(), kind, line, start, position);
        }
    }

    /** Reads one value; for a wanted field, records where it is. */
    private JsonValueKind value(int field) throws SyntaxError {
        int b = peek();
        int start = position;
        JsonValueKind kind;
        if (b == '"') {
            position++;
            int from = strings.length();
            readString(strings);
            if (field >= 0) {
                starts[field] = from;
                ends[field] = strings.length();
            }
            return JsonValueKind.STRING;
        } else if (b == '{' || b == '[') {
            skipNested();
            kind = JsonValueKind.NESTED;
        } else if (b == 't' || b == 'f' || b == 'n') {
            kind = literal(b == 't' ? "true" : b == 'f' ? "false" : "null");
        } else if (b == '-' || (b >= '0' && b <= '9')) {
            while (position < end && "+-.eE0123456789".indexOf(line[position]) >= 0) {
                position++;
            }
            kind = JsonValueKind.NUMBER;
        } else {
            throw new SyntaxError("expected a value", position);
        }
        if (field >= 0) {
            starts[field] = start;
            ends[field] = position;
        }
        return kind;
    }

    private JsonValueKind literal(String word) throws SyntaxError {
        for (int i = 0; i < word.length(); i++) {
            if (position >= end || line[position] != word.charAt(i)) {
                throw new SyntaxError("expected a value", position);
            }
            position++;
        }
        return word.equals("true") ? JsonValueKind.TRUE : word.equals("false") ? JsonValueKind.FALSE : JsonValueKind.NULL;
    }

    /** Skips a balanced object or array, minding brackets inside strings. */
    private void skipNested() throws SyntaxError {
        int depth = 0;
        boolean inString = false;
        for (; position < end; position++) {
            byte b = line[position];
            if (inString) {
                if (b == '\\') {
                    position++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                position++;
                return;
            }
        }
        throw new SyntaxError("unterminated object or array", position);
    }

    /** Reads string content after the opening quote into {@code target}, unescaping. */
    private void readString(RecordBuffer target) throws SyntaxError {
        while (position < end) {
            byte b = line[position++];
            if (b == '"') {
                return;
            }
            if (b != '\\') {
                target.append(b);
                continue;
            }
            if (position >= end) {
                break;
            }
            byte escaped = line[position++];
            switch (escaped) {
                case '"', '\\', '/' -> target.append(escaped);
                case 'b' -> target.append('\b');
                case 'f' -> target.append('\f');
                case 'n' -> target.append('\n');
                case 'r' -> target.append('\r');
                case 't' -> target.append('\t');
                case 'u' -> appendCodePoint(target, unicodeEscape());
                default -> throw new SyntaxError("invalid escape \\" + (char) escaped, position - 1);
            }
        }
        throw new SyntaxError("unterminated string", position);
    }

    private int unicodeEscape() throws SyntaxError {
        int unit = hex4();
        if (Character.isHighSurrogate((char) unit) && position + 6 <= end && line[position] == '\\'
                && line[position + 1] == 'u') {
            position += 2;
            int low = hex4();
            return Character.toCodePoint((char) unit, (char) low);
        }
        return unit;
    }

    private int hex4() throws SyntaxError {
        if (position + 4 > end) {
            throw new SyntaxError("invalid \\u escape", position);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(line[position++], 16);
            if (digit < 0) {
                throw new SyntaxError("invalid \\u escape", position - 1);
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static void appendCodePoint(RecordBuffer target, int codePoint) {
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        target.append(utf8, 0, utf8.length);
    }

    private int match() {
        byte[] bytes = key.bytes();
        int length = key.length();
        for (int i = 0; i < names.length; i++) {
            if (Arrays.equals(names[i], 0, names[i].length, bytes, 0, length)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (equalsIgnoreAsciiCase(names[i], bytes, length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreAsciiCase(byte[] name, byte[] bytes, int length) {
        if (name.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase(name[i]) != Character.toLowerCase(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean separator() throws SyntaxError {
        skipWhitespace();
        int b = peek();
        position++;
        if (b == ',') {
            return true;
        }
        if (b == '}') {
            return false;
        }
        throw new SyntaxError("expected ',' or '}'", position - 1);
    }

    private void expect(char c) throws SyntaxError {
        skipWhitespace();
        if (peek() != c) {
            throw new SyntaxError("expected '" + c + "'", position);
        }
        position++;
    }

    private int peek() {
        return position < end ? line[position] : -1;
    }

    private void skipWhitespace() {
        while (position < end && (line[position] == ' ' || line[position] == '\t' || line[position] == '\r')) {
            position++;
        }
    }

    JsonValueKind kind(int field) {
        return kinds[field];
    }

    /** The bytes holding the field's value: the unescaped-string buffer for strings, else the line. */
    byte[] bytes(int field) {
        return kinds[field] == JsonValueKind.STRING ? strings.bytes() : line;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }
}
