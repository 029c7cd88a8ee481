package io.spindle.plan.expr;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * String functions with Spark's semantics, on non-null arguments. Positions and lengths count
 * Unicode code points, as Spark's UTF8String does, not UTF-16 chars.
 */
public final class StringFunctions {
    private static final int MAX_CACHED_PATTERNS = 256;
    private static final Map<String, Pattern> REGEX_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> LIKE_CACHE = new ConcurrentHashMap<>();

    private StringFunctions() {}

    public static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    public static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Spark's trim removes ASCII spaces (0x20) only, not tabs or newlines. */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * {@code substring(s, pos, len)}: 1-based; position 0 behaves as 1; a negative position counts
     * from the end ({@code -1} is the last character); a negative or zero length gives "".
     */
    public static String substring(String value, int position, int length) {
        int characters = length(value);
        long start = position > 0 ? position - 1L : position < 0 ? characters + (long) position : 0;
        long end = start + length;
        start = Math.max(start, 0);
        end = Math.min(end, characters);
        if (start >= end) {
            return "";
        }
        int from = value.offsetByCodePoints(0, (int) start);
        int to = value.offsetByCodePoints(from, (int) (end - start));
        return value.substring(from, to);
    }

    public static String concat(Object[] values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append((String) value);
        }
        return text.toString();
    }

    /**
     * SQL LIKE: {@code _} one character, {@code %} any sequence, backslash escapes {@code _}, {@code %}
     * or itself. Any other escaped character, or a trailing backslash, is an error, as in Spark.
     */
    public static boolean like(String value, String pattern) {
        return likePattern(pattern).matcher(value).matches();
    }

    static Pattern likePattern(String pattern) {
        Pattern cached = LIKE_CACHE.get(pattern);
        if (cached == null) {
            cached = Pattern.compile(likeToRegex(pattern), Pattern.DOTALL);
            cache(LIKE_CACHE, pattern, cached);
        }
        return cached;
    }

    static String likeToRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 == pattern.length()) {
                    throw invalidLike(pattern, "it ends with the escape character");
                }
                char escaped = pattern.charAt(++i);
                if (escaped != '_' && escaped != '%' && escaped != '\\') {
                    throw invalidLike(pattern, "the escape character is not allowed to precede '" + escaped + "'");
                }
                regex.append(Pattern.quote(String.valueOf(escaped)));
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '%') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /**
     * The {@code group}th group of the first match of {@code regex}; "" when nothing matches or the
     * group did not take part. A group number beyond the regex's groups is an error.
     */
    public static String regexpExtract(String value, String regex, int group) {
        Matcher matcher = regex(regex).matcher(value);
        if (group < 0 || group > matcher.groupCount()) {
            throw new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "regexp_extract: the regex '" + regex
                    + "' has " + matcher.groupCount() + " groups, but group " + group + " was requested");
        }
        if (!matcher.find()) {
            return "";
        }
        String found = matcher.group(group);
        return found == null ? "" : found;
    }

    /**
     * {@code split(s, regex)} as Spark: keeps leading and trailing empty fields; {@code split("", x)}
     * is {@code [""]}.
     */
    public static String[] split(String value, String regex) {
        if (value.isEmpty()) {
            return new String[] {""};
        }
        return regex(regex).split(value, -1);
    }

    /** The compiled regex (cached); an invalid one is an error naming it. */
    public static Pattern regex(String regex) {
        Pattern cached = REGEX_CACHE.get(regex);
        if (cached == null) {
            try {
                cached = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid regex '" + regex + "': "
                        + e.getDescription());
            }
            cache(REGEX_CACHE, regex, cached);
        }
        return cached;
    }

    private static void cache(Map<String, Pattern> cache, String key, Pattern pattern) {
        if (cache.size() >= MAX_CACHED_PATTERNS) {
            cache.clear(); // patterns are per query and few; a bound keeps generated ones from leaking
        }
        cache.put(key, pattern);
    }

    private static EvaluationException invalidLike(String pattern, String why) {
        return new EvaluationException(ErrorCode.INVALID_PARAMETER_VALUE, "The LIKE pattern '" + pattern
                + "' is invalid: " + why);
    }
}
