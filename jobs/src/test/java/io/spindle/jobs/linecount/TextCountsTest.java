package io.spindle.jobs.linecount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TextCounts#of} against an independent reference, and the result line format. */
class TextCountsTest {

    /**
     * The reference: bytes read as ISO-8859-1 (one char per byte); a line is each piece between
     * '\n's, the last piece counting only when not empty; words are what a split on runs of ASCII
     * whitespace leaves that is not empty.
     */
    static TextCounts reference(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] pieces = text.split("\n", -1);
        long lines = pieces.length - 1 + (pieces[pieces.length - 1].isEmpty() ? 0 : 1);
        long words = Arrays.stream(text.split("[ \\t\\n\\x0B\\f\\r]+")).filter(word -> !word.isEmpty()).count();
        return new TextCounts(lines, words, bytes.length);
    }

    static Stream<Sample> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void countsMatchTheReference(Sample sample) {
        assertThat(TextCounts.of(sample.bytes())).isEqualTo(reference(sample.bytes()));
    }

    @Test
    void handCountedTextsGiveTheirCounts() {
        assertThat(Stream.of("", "\n", "a", "a\n", "a b\n\nc", "  \t\r\n", "one two\r\nthree\r\n", "x\u000By\fz")
                .map(text -> TextCounts.of(text.getBytes(StandardCharsets.UTF_8))).toList())
                .containsExactly(
                        new TextCounts(0, 0, 0),
                        new TextCounts(1, 0, 1),
                        new TextCounts(1, 1, 1),
                        new TextCounts(1, 1, 2),
                        new TextCounts(3, 3, 6),
                        new TextCounts(1, 0, 5),
                        new TextCounts(2, 3, 16),
                        new TextCounts(1, 3, 5));
    }

    @Test
    void nonAsciiBytesAreWordCharacters() {
        byte[] text = "caf\u00e9\u00a0cr\u00e8me \u2713\n".getBytes(StandardCharsets.UTF_8);

        assertThat(TextCounts.of(text)).isEqualTo(new TextCounts(1, 2, text.length));
    }

    @Test
    void randomBytesMatchTheReference() {
        Random random = new Random(20240501);
        byte[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', 0x0B, '\f', (byte) 0xC3, (byte) 0xA9, (byte) 0x85, (byte) 0xA0, 0};
        for (int round = 0; round < 500; round++) {
            byte[] text = new byte[random.nextInt(200)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(TextCounts.of(text)).as("round %d: %s", round, Arrays.toString(text)).isEqualTo(reference(text));
        }
    }

    @Test
    void plusAddsEachCount() {
        assertThat(new TextCounts(1, 2, 3).plus(new TextCounts(10, 20, 30)).plus(TextCounts.ZERO))
                .isEqualTo(new TextCounts(11, 22, 33));
    }

    @Test
    void lineFormatRoundTrips() {
        TextCounts counts = new TextCounts(12, 345, 6789);

        assertThat(counts.toLine()).isEqualTo("12\t345\t6789");
        assertThat(TextCounts.parse(counts.toLine() + "\n")).isEqualTo(counts);
    }

    @Test
    void parseRejectsALineWithoutThreeFields() {
        assertThatThrownBy(() -> TextCounts.parse("12 345 6789")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a lines<TAB>words<TAB>bytes line: '12 345 6789'");
    }
}
