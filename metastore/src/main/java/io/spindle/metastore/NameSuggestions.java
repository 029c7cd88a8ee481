package io.spindle.metastore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for unknown databases, tables and columns: the closest names by edit distance. */
public final class NameSuggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {}

    /**
     * Up to three candidates closest to {@code name}, ignoring case, nearest first. A candidate
     * further than about half the name's length is noise, not help, and is left out.
     */
    public static List<String> closest(String name, Collection<String> candidates) {
        String target = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, target.length() / 2);
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            int distance = editDistance(target, candidate.toLowerCase(Locale.ROOT));
            if (distance <= limit) {
                scored.add(new Scored(candidate, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /** {@code "; did you mean 'a' or 'b'?"}, or empty when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> closest = closest(name, candidates);
        if (closest.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; did you mean ");
        for (int i = 0; i < closest.size(); i++) {
            if (i > 0) {
                text.append(i == closest.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(closest.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int distance) {}
}
