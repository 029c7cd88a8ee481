package io.spindle.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.api.Row;
import io.spindle.api.Tuple2;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerFingerprintTest {

    @Test
    void doublesThatDifferOnlyInTheirLastBitsShareAFingerprint() {
        double sum = 0.1 + 0.2 + 0.3;
        double otherOrder = 0.3 + 0.2 + 0.1;
        assertThat(sum).isNotEqualTo(otherOrder);

        assertThat(AnswerFingerprint.of(List.of(Row.of("A", sum, 3L))))
                .isEqualTo(AnswerFingerprint.of(List.of(Row.of("A", otherOrder, 3L))));
    }

    @Test
    void anotherValueOrOrderChangesTheFingerprint() {
        String answer = AnswerFingerprint.of(List.of(Row.of("A", 1.5, 3L), Row.of("B", 2.5, 4L)));

        assertThat(AnswerFingerprint.of(List.of(Row.of("A", 1.5, 3L), Row.of("B", 2.5, 5L)))).isNotEqualTo(answer);
        assertThat(AnswerFingerprint.of(List.of(Row.of("A", 1.5001, 3L), Row.of("B", 2.5, 4L)))).isNotEqualTo(answer);
        assertThat(AnswerFingerprint.of(List.of(Row.of("B", 2.5, 4L), Row.of("A", 1.5, 3L)))).isNotEqualTo(answer);
        assertThat(AnswerFingerprint.of(List.of(Tuple2.of("the", 7L)))).isNotEqualTo(
                AnswerFingerprint.of(List.of(Tuple2.of("the", 8L))));
        assertThat(answer).matches("[0-9a-f]{8}");
    }
}
