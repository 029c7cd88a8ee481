package io.spindle.metastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.conf.EditDistance;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The names within a fixed distance, against the edit distance of each candidate computed alone. */
class NameSuggestionsTest {
    private static final List<String> OPTIONS = List.of("--ratio", "--Count", "--name", "--class", "--conf");

    @Test
    void withinKeepsTheCandidatesOrderAndEveryCloseOne() {
        // two edits from --ratio and from --name: listed as given, not by distance or name
        assertThat(NameSuggestions.within("--nato", OPTIONS, 2)).containsExactly("--ratio", "--name");
        assertThat(NameSuggestions.within("--conu", OPTIONS, 2)).containsExactly("--Count", "--conf");
    }

    @Test
    void withinIgnoresCaseAndCountsTheBoundInclusively() {
        assertThat(NameSuggestions.within("--COUNT", OPTIONS, 0)).containsExactly("--Count");
        assertThat(NameSuggestions.within("--clazzz", OPTIONS, 2)).isEmpty();
        assertThat(NameSuggestions.within("--clazzz", OPTIONS, 3)).containsExactly("--class");
        assertThat(NameSuggestions.closest("--clazzz", OPTIONS)).containsExactly("--class");
    }

    @Test
    void withinIsEveryCandidateWhoseDistanceIsAtMostTheBound() {
        for (String typed : List.of("--nme", "--ratoi", "--CLASS", "--x", "-conf", "--counter")) {
            for (int bound = 0; bound <= 4; bound++) {
                int limit = bound;
                List<String> expected = OPTIONS.stream().filter(option -> EditDistance.between(
                        typed.toLowerCase(Locale.ROOT), option.toLowerCase(Locale.ROOT)) <= limit).toList();
                assertThat(NameSuggestions.within(typed, OPTIONS, bound)).as(typed + " within " + bound)
                        .isEqualTo(expected);
            }
        }
    }
}
