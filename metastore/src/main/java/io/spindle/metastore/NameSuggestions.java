package io.spindle.metastore;

import io.spindle.conf.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for unknown names (databases, tables, columns, optimizer rules, command-line
 * options and commands): the names close to it by {@link EditDistance}, ignoring case.
 */
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
            int distance = distance(target, candidate);
            if (distance <= limit) {
                scored.add(new Scored(candidate, distance));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(MAX_SUGGESTIONS).map(Scored::name).toList();
    }

    /**
     * Every candidate at most {@code maxDistance} edits from {@code name}, ignoring case, in the
     * candidates' own order and however many there are: for a small vocabulary that has an order
     * of its own, such as a command's options as it declares them.
     */
    public static List<String> within(String name, Collection<String> candidates, int maxDistance) {
        String target = name.toLowerCase(Locale.ROOT);
        List<String> close = new ArrayList<>();
        for (String candidate : candidates) {
            if (distance(target, candidate) <= maxDistance) {
                close.add(candidate);
            }
        }
        return close;
    }

    private static int distance(String lowerCaseTarget, String candidate) {
        return EditDistance.between(lowerCaseTarget, candidate.toLowerCase(Locale.ROOT));
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

    private record Scored(String name, int distance) {}
}
