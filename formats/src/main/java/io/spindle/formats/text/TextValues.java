package io.spindle.formats.text;

import io.spindle.formats.batch.Timestamps;
import io.spindle.formats.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Parsing and printing of values in text formats (CSV, JSON), shared so both agree. Parsers read
 * UTF-8 bytes and throw {@link IllegalArgumentException} with a short reason on bad input; integers
 * are parsed from the bytes directly, since they dominate ETL files.
 *
 * <p>Dates and timestamps are ISO 8601 unless a pattern is given. A timestamp without an offset is
 * taken as UTC; one with an offset ({@code Z}, {@code +02:00}) is converted to UTC. A date alone
 * reads as midnight UTC.
 */
public final class TextValues {
    private TextValues() {}

    public static long parseLong(byte[] bytes, int offset, int length) {
        if (length == 0) {
            throw new IllegalArgumentException("empty");
        }
        int i = offset;
        int end = offset + length;
        boolean negative = bytes[i] == '-';
        if (negative || bytes[i] == '+') {
            i++;
        }
        if (i == end) {
            throw new IllegalArgumentException("no digits");
        }
        long value = 0; // accumulated negatively, so Long.MIN_VALUE parses without overflow
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not an integer");
            }
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                throw new IllegalArgumentException("out of range");
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw new IllegalArgumentException("out of range");
        }
        return negative ? value : -value;
    }

    public static int parseInt(byte[] bytes, int offset, int length) {
        long value = parseLong(bytes, offset, length);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("out of range");
        }
        return (int) value;
    }

    public static double parseDouble(byte[] bytes, int offset, int length) {
        String text = ascii(bytes, offset, length);
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            throw new IllegalArgumentException("not a number");
        }
        switch (text) {
            case "inf", "+inf", "Inf", "+Inf": return Double.POSITIVE_INFINITY;
            case "-inf", "-Inf": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number");
                }
        }
    }

    /** The unscaled value at the type's scale, rounded half-up as Spark does; too many digits is an error. */
    public static BigDecimal parseDecimal(byte[] bytes, int offset, int length, DecimalType type) {
        BigDecimal value;
        try {
            value = new BigDecimal(ascii(bytes, offset, length));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal");
        }
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.precision() && scaled.signum() != 0) {
            throw new IllegalArgumentException("does not fit " + type);
        }
        return scaled;
    }

    public static boolean parseBoolean(byte[] bytes, int offset, int length) {
        String text = ascii(bytes, offset, length);
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    /** Days since the epoch; ISO {@code yyyy-MM-dd} when {@code format} is empty. */
    public static int parseDate(byte[] bytes, int offset, int length, Optional<DateTimeFormatter> format) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        try {
            LocalDate date = format.isPresent() ? LocalDate.parse(text, format.get()) : LocalDate.parse(text);
            return Math.toIntExact(date.toEpochDay());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not a date");
        }
    }

    /** Micros since the epoch; ISO 8601 ({@code T} or a space between date and time) when {@code format} is empty. */
    public static long parseTimestamp(byte[] bytes, int offset, int length, Optional<DateTimeFormatter> format) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        try {
            if (format.isPresent()) {
                return toMicros(format.get().parse(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).toEpochDay() * Timestamps.MICROS_PER_DAY;
            }
            String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            return toMicros(DateTimeFormatter.ISO_DATE_TIME.parse(iso));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not a timestamp");
        }
    }

    private static long toMicros(TemporalAccessor parsed) {
        Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        return Timestamps.toMicros(instant);
    }

    public static String formatDate(int days, Optional<DateTimeFormatter> format) {
        LocalDate date = LocalDate.ofEpochDay(days);
        return format.isPresent() ? format.get().format(date) : date.toString();
    }

    /** ISO 8601 in UTC with a {@code Z}, with as many fraction digits as needed (up to micros). */
    public static String formatTimestamp(long micros, Optional<DateTimeFormatter> format) {
        Instant instant = Timestamps.toInstant(micros);
        return format.isPresent() ? format.get().format(instant.atOffset(ZoneOffset.UTC)) : instant.toString();
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
