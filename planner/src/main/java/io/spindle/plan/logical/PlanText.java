package io.spindle.plan.logical;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Tree printing shared by logical and physical plans. */
public final class PlanText {
    private static final Pattern COLUMN_ID = Pattern.compile("#(\\d+)");

    private PlanText() {}

    public static <T> void appendTree(StringBuilder text, T node, Function<T, String> line,
            Function<T, List<? extends T>> children) {
        append(text, node, line, children, "", true, true);
    }

    private static <T> void append(StringBuilder text, T node, Function<T, String> line,
            Function<T, List<? extends T>> children, String prefix, boolean last, boolean root) {
        text.append(root ? "" : prefix + "+- ").append(line.apply(node)).append('\n');
        List<? extends T> kids = children.apply(node);
        String childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
        for (int i = 0; i < kids.size(); i++) {
            append(text, kids.get(i), line, children, childPrefix, i == kids.size() - 1, false);
        }
    }

    public static String list(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Renumbers column ids in order of first appearance ({@code x#812} becomes {@code x#1}), so
     * that explain output is stable across runs and can be kept as a golden snapshot.
     */
    public static String normalizeIds(String text) {
        Map<String, Integer> renumbered = new HashMap<>();
        Matcher matcher = COLUMN_ID.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            int id = renumbered.computeIfAbsent(matcher.group(1), key -> renumbered.size() + 1);
            matcher.appendReplacement(result, "#" + id);
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
