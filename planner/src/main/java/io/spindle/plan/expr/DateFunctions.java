package io.spindle.plan.expr;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Date functions with Spark's semantics on non-null arguments. Patterns are Java
 * {@link DateTimeFormatter} patterns with English month and day names; parsing is strict, so
 * {@code 2023-02-30} is an error rather than a silently adjusted date. The session time zone is
 * UTC in this version.
 */
public final class DateFunctions {
    private static final Map<String, DateTimeFormatter> PARSERS = new ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private DateFunctions() {}

    public static LocalDate currentDate() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Parses {@code text} with {@code pattern}; text that does not match or names no valid date is an error. */
    public static LocalDate toDate(String text, String pattern) {
        DateTimeFormatter parser = PARSERS.computeIfAbsent(pattern, DateFunctions::parser);
        try {
            return LocalDate.from(parser.parse(text.trim()));
        } catch (DateTimeException e) {
            throw cannotParse(text, pattern);
        }
    }

    public static LocalDate addDays(Object date, long days) {
        try {
            return ((LocalDate) date).plusDays(days);
        } catch (DateTimeException e) {
            throw EvaluationException.overflow("date " + date + " + " + days + " days");
        }
    }

    /** {@code end - start} in days. */
    public static int dateDiff(Object end, Object start) {
        return Math.toIntExact(ChronoUnit.DAYS.between((LocalDate) start, (LocalDate) end));
    }

    /** The strict parser {@link #toDate} uses for {@code pattern}; an invalid pattern is an error. */
    public static DateTimeFormatter parserFor(String pattern) {
        return PARSERS.computeIfAbsent(pattern, DateFunctions::parser);
    }

    /** The formatter {@link #format} uses for {@code pattern}; an invalid pattern is an error. */
    public static DateTimeFormatter formatterFor(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, DateFunctions::formatter);
    }

    /** The error {@link #toDate} raises for text that does not parse. */
    public static EvaluationException cannotParse(String text, String pattern) {
        return new EvaluationException(ErrorCode.CANNOT_PARSE_TIMESTAMP, "Text '" + text
                + "' could not be parsed as a date with pattern '" + pattern + "'");
    }

    public static String format(Instant timestamp, String pattern) {
        return format(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC), formatterFor(pattern), pattern);
    }

    /** Formats with a formatter from {@link #formatterFor}; a field the pattern asks for that a timestamp lacks (a zone) is an error. */
    public static String format(LocalDateTime timestamp, DateTimeFormatter formatter, String pattern) {
        try {
            return timestamp.format(formatter);
        } catch (DateTimeException e) {
            throw new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "date_format: pattern '" + pattern
                    + "' cannot format a timestamp: " + e.getMessage());
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.US);
        } catch (IllegalArgumentException e) {
            throw invalidPattern(pattern, e);
        }
    }

    /** Strict resolution needs 'u' (proleptic year) where users write 'y' (year of era), as Spark does. */
    private static DateTimeFormatter parser(String pattern) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(yearOfEraToYear(pattern))
                    .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw invalidPattern(pattern, e);
        }
    }

    private static String yearOfEraToYear(String pattern) {
        StringBuilder converted = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            converted.append(!quoted && c == 'y' ? 'u' : c);
        }
        return converted.toString();
    }

    private static EvaluationException invalidPattern(String pattern, IllegalArgumentException cause) {
        return new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid date pattern '" + pattern + "': "
                + cause.getMessage());
    }
}
