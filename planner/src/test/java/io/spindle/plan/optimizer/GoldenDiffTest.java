package io.spindle.plan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The diff a failing golden test prints marks exactly the changed lines. */
class GoldenDiffTest {

    @Test
    void marksRemovedAndAddedLinesAroundCommonOnes() {
        String expected = "Filter (a#1 > 1)\n+- Scan [a#1, b#2]\n";
        String actual = "Filter (a#1 > 2)\n+- Scan [a#1, b#2]\n";

        assertThat(GoldenDiff.diff(expected, actual).split("\n")).containsExactly(
                "- Filter (a#1 > 1)", "+ Filter (a#1 > 2)", "  +- Scan [a#1, b#2]", "  ");
        assertThat(GoldenDiff.diff(expected, expected)).doesNotContain("\n-").doesNotContain("\n+");
    }
}
