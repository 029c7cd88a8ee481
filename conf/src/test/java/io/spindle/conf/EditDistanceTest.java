package io.spindle.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The suggestions' edit distance against edits counted by hand. */
class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndAdjacentSwapsAsOneEditEach() {
        assertThat(EditDistance.between("master", "master")).isZero();
        assertThat(EditDistance.between("", "")).isZero();
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("abc", "")).isEqualTo(3);
        assertThat(EditDistance.between("master", "masters")).isEqualTo(1);
        assertThat(EditDistance.between("master", "mster")).isEqualTo(1);
        assertThat(EditDistance.between("master", "mister")).isEqualTo(1);
        assertThat(EditDistance.between("master", "amster")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        // Optimal string alignment: a swapped pair is not edited again.
        assertThat(EditDistance.between("ca", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("Master", "master")).isEqualTo(1);
    }

    @Test
    void isSymmetric() {
        String[] words = {"", "a", "ab", "ba", "abc", "spindle.master", "spindle.mastre", "executor"};
        for (String a : words) {
            for (String b : words) {
                assertThat(EditDistance.between(a, b)).as(a + " / " + b).isEqualTo(EditDistance.between(b, a));
            }
        }
    }
}
