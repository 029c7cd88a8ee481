package io.spindle.jobs.linecount;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Texts that exercise line and word boundaries. */
final class Samples {

    private Samples() {
    }

    private static Sample text(String name, String text) {
        return new Sample(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Sample> all() {
        return List.of(
                text("empty file", ""),
                text("single newline", "\n"),
                text("only newlines", "\n\n\n\n"),
                text("one word no newline", "word"),
                text("trailing newline", "the quick brown fox\njumps over\nthe lazy dog\n"),
                text("no trailing newline", "the quick brown fox\njumps over\nthe lazy dog"),
                text("empty lines", "\nfirst\n\n\nsecond\n\n"),
                text("long line", "short\n" + "averyveryverylongwordwithoutspaces ".repeat(60) + "\nend\n"),
                text("one long word", "x".repeat(3000)),
                text("crlf", "alpha beta\r\ngamma\r\n\r\ndelta epsilon zeta\r\n"),
                text("tabs and other whitespace", "a\tb\t\tc\n\u000Bd\fe  \r f\n\t\n"),
                text("leading and trailing spaces", "   padded   \n  \n  x"),
                text("non-ascii", "caf\u00e9 cr\u00e8me\n\u00fcber \u2713 \u00a0nbsp\n"),
                text("exactly one split of 64", "0123456789 abcdefghij\n".repeat(2) + "0123456789 abcdefgh\n"),
                new Sample("generated", generated(5000, 7)));
    }

    /** Random words and whitespace, with occasional blank lines and CRLF endings. */
    static byte[] generated(int approximateSize, long seed) {
        Random random = new Random(seed);
        String[] separators = {" ", " ", " ", "\t", "\n", "\r\n", "\n\n", "  "};
        StringBuilder text = new StringBuilder();
        while (text.length() < approximateSize) {
            int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 9);
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            text.append(separators[random.nextInt(separators.length)]);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
