package io.spindle.runtime.exec;

import java.util.Arrays;

/**
 * A date pattern made only of fixed-width numeric fields ({@code yyyy MM dd HH mm ss}) and ASCII
 * literal characters, like {@code yyyy-MM-dd}, {@code yyyyMMdd}, {@code dd/MM/yyyy} or
 * {@code yyyy-MM-dd HH:mm:ss}: such text has one byte per pattern character, so it is parsed and
 * written as bytes, without a formatter or a {@code String}. {@link #compile} returns null for any
 * other pattern (names, fractions, quotes, other widths); those keep the general formatter.
 */
final class DateLayout {
    static final byte LITERAL = 0;
    static final byte YEAR = 1;
    static final byte MONTH = 2;
    static final byte DAY = 3;
    static final byte HOUR = 4;
    static final byte MINUTE = 5;
    static final byte SECOND = 6;

    /** Per text position: the field it belongs to, or LITERAL. */
    private final byte[] fields;
    /** Per text position: the literal byte expected or written there. */
    private final byte[] literals;
    private final boolean hasDate;

    private DateLayout(byte[] fields, byte[] literals) {
        this.fields = fields;
        this.literals = literals;
        boolean year = false;
        boolean month = false;
        boolean day = false;
        for (byte field : fields) {
            year |= field == YEAR;
            month |= field == MONTH;
            day |= field == DAY;
        }
        this.hasDate = year && month && day;
    }

    static DateLayout compile(String pattern) {
        byte[] fields = new byte[pattern.length()];
        byte[] literals = new byte[pattern.length()];
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (c >= 0x80 || "'[]{}#".indexOf(c) >= 0) { // quotes, optional sections, reserved
                return null;
            }
            if (Character.isLetter(c)) {
                byte field = field(c, run);
                if (field == LITERAL) {
                    return null;
                }
                Arrays.fill(fields, i, i + run, field);
            } else {
                Arrays.fill(literals, i, i + run, (byte) c);
            }
            i += run;
        }
        DateLayout layout = new DateLayout(fields, literals);
        return layout.hasDate ? layout : null;
    }

    private static byte field(char letter, int width) {
        switch (letter) {
            case 'y': return width == 4 ? YEAR : LITERAL;
            case 'M': return width == 2 ? MONTH : LITERAL;
            case 'd': return width == 2 ? DAY : LITERAL;
            case 'H': return width == 2 ? HOUR : LITERAL;
            case 'm': return width == 2 ? MINUTE : LITERAL;
            case 's': return width == 2 ? SECOND : LITERAL;
            default: return LITERAL;
        }
    }

    int length() {
        return fields.length;
    }

    /**
     * Days since 1970-01-01 of the date in {@code data[start, start + length())}, or
     * {@link Integer#MIN_VALUE} when the text does not fit the layout exactly or names no valid date
     * or time (year 0001 to 9999 only); the caller then asks the general parser, which decides.
     */
    int parseDays(byte[] data, int start) {
        int year = 0;
        int month = 0;
        int day = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
        for (int i = 0; i < fields.length; i++) {
            byte b = data[start + i];
            byte field = fields[i];
            if (field == LITERAL) {
                if (b != literals[i]) {
                    return Integer.MIN_VALUE;
                }
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                return Integer.MIN_VALUE;
            }
            switch (field) {
                case YEAR: year = year * 10 + digit; break;
                case MONTH: month = month * 10 + digit; break;
                case DAY: day = day * 10 + digit; break;
                case HOUR: hour = hour * 10 + digit; break;
                case MINUTE: minute = minute * 10 + digit; break;
                default: second = second * 10 + digit; break;
            }
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
                || minute > 59 || second > 59) {
            return Integer.MIN_VALUE;
        }
        return daysFromCivil(year, month, day);
    }

    /**
     * Writes the timestamp ({@code days} since the epoch and {@code secondOfDay}) into
     * {@code target} from 0; returns false for a year outside 0001 to 9999 (left to the formatter).
     */
    boolean format(int days, int secondOfDay, byte[] target) {
        // Howard Hinnant's civil_from_days, as in DateKernels.Field.
        long z = days + 719468L;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return false;
        }
        int[] values = {0, (int) year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60};
        for (int i = fields.length - 1; i >= 0; i--) {
            byte field = fields[i];
            if (field == LITERAL) {
                target[i] = literals[i];
            } else {
                target[i] = (byte) ('0' + values[field] % 10);
                values[field] /= 10;
            }
        }
        return true;
    }

    static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    static int daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
