package io.spindle.jobs.demo;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Deterministic sample text: a skewed vocabulary (a few very common words), lines of varied length. */
public final class SampleText {

    private static final String[] SYLLABLES = {"spin", "dle", "yarn", "loom", "weft", "warp", "reel", "knot",
        "tex", "ture", "fi", "ber", "thread", "bob", "bin", "shut", "tle", "card", "wool", "silk"};

    private SampleText() {
    }

    /** About {@code targetBytes} of text; the same seed gives the same bytes. */
    public static byte[] generate(long seed, int targetBytes, boolean trailingNewline) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(targetBytes + 256);
        while (text.length() < targetBytes) {
            int words = random.nextInt(18);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(random.nextInt(10) == 0 ? "\t" : " ");
                }
                text.append(word(random));
            }
            text.append('\n');
        }
        if (!trailingNewline && text.length() > 0) {
            text.setLength(text.length() - 1);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Skewed like real text: squaring a uniform draw favours the first syllables. */
    private static String word(Random random) {
        int syllables = 1 + random.nextInt(3);
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            double u = random.nextDouble();
            word.append(SYLLABLES[(int) (u * u * SYLLABLES.length)]);
        }
        return word.toString();
    }
}
