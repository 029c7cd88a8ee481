package io.spindle.metastore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's database and name, as the metastore keys them: lower case, since Hive folds
 * identifiers to lower case whether or not they were quoted.
 *
 * <p>{@link #parse} reads {@code t}, {@code db.t} and back-quoted parts ({@code `my db`.`t`}, with
 * {@code ``} for a literal back-quote); a name without a database takes the session's current one.
 */
public record TableName(String database, String table) {
    public TableName {
        database = normalize(database, "database");
        table = normalize(table, "table");
    }

    public static TableName of(String database, String table) {
        return new TableName(database, table);
    }

    /**
     * Parses {@code [db.]table}; the database defaults to {@code currentDatabase}.
     *
     * @throws CatalogException with {@link CatalogErrorCode#INVALID_NAME} for empty parts, more than
     *     two parts, an unclosed back-quote, or characters that need quoting
     */
    public static TableName parse(String text, String currentDatabase) {
        List<String> parts = splitParts(text);
        if (parts.size() == 1) {
            return new TableName(currentDatabase, parts.get(0));
        }
        if (parts.size() == 2) {
            return new TableName(parts.get(0), parts.get(1));
        }
        throw invalid(text, "expected [database.]table, got " + parts.size() + " parts");
    }

    /** Parses a name that must be qualified: {@code db.table}. */
    public static TableName parse(String text) {
        List<String> parts = splitParts(text);
        if (parts.size() != 2) {
            throw invalid(text, "expected database.table");
        }
        return new TableName(parts.get(0), parts.get(1));
    }

    /**
     * The parts of a dotted name with back-quotes resolved, as written ({@code `my db`.t} is
     * {@code [my db, t]}): for callers that look a one-part name up elsewhere first (temp views).
     */
    public static List<String> parts(String text) {
        return List.copyOf(splitParts(text));
    }

    /** {@code db.table}, back-quoting parts that are not plain identifiers. */
    @Override
    public String toString() {
        return quoteIfNeeded(database) + "." + quoteIfNeeded(table);
    }

    static String quoteIfNeeded(String part) {
        return isPlainIdentifier(part) ? part : "`" + part.replace("`", "``") + "`";
    }

    private static List<String> splitParts(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "the name is empty");
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        String trimmed = text.trim();
        while (true) {
            Optional<Part> part = readPart(trimmed, i);
            if (part.isEmpty()) {
                throw invalid(text, "empty name part at position " + i);
            }
            parts.add(part.get().text());
            i = part.get().end();
            if (i == trimmed.length()) {
                return parts;
            }
            if (trimmed.charAt(i) != '.') {
                throw invalid(text, "unexpected '" + trimmed.charAt(i) + "' at position " + i
                        + "; quote names with other characters than letters, digits and _ in back-quotes");
            }
            i++;
        }
    }

    private static Optional<Part> readPart(String text, int start) {
        if (start < text.length() && text.charAt(start) == '`') {
            StringBuilder name = new StringBuilder();
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '`') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                        name.append('`');
                        i += 2;
                        continue;
                    }
                    return name.length() == 0 ? Optional.empty() : Optional.of(new Part(name.toString(), i + 1));
                }
                name.append(c);
                i++;
            }
            throw invalid(text, "unclosed back-quote at position " + start);
        }
        int i = start;
        while (i < text.length() && isIdentifierChar(text.charAt(i))) {
            i++;
        }
        return i == start ? Optional.empty() : Optional.of(new Part(text.substring(start, i), i));
    }

    private static boolean isPlainIdentifier(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> isIdentifierChar((char) c));
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String normalize(String part, String what) {
        Objects.requireNonNull(part, what);
        if (part.isEmpty()) {
            throw invalid(part, "the " + what + " name is empty");
        }
        return part.toLowerCase(Locale.ROOT);
    }

    private static CatalogException invalid(String text, String why) {
        return new CatalogException(CatalogErrorCode.INVALID_NAME, "Invalid table name '" + text + "': " + why);
    }

    private record Part(String text, int end) {}
}
