package io.spindle.jobs.linecount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting text files and counting each split on the local file system: the splits add up to the whole. */
class TextSplitTaskTest {

    private static final long[] SPLIT_SIZES = {1, 7, 64, 1000, 1 << 20};

    @TempDir
    Path directory;

    private static Configuration localConf() {
        return new LocalTaskContext(0).hadoopConf();
    }

    static Stream<Arguments> samplesAndSplitSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (Sample sample : Samples.all()) {
            for (long splitSize : SPLIT_SIZES) {
                cases.add(Arguments.of(sample, splitSize));
            }
        }
        return cases.stream();
    }

    private static TextCounts countSplits(List<TextSplitTask> splits) throws IOException {
        TextCounts total = TextCounts.ZERO;
        for (int i = 0; i < splits.size(); i++) {
            total = total.plus(splits.get(i).run(new LocalTaskContext(i)));
        }
        return total;
    }

    @ParameterizedTest(name = "{0}, splits of {1} bytes")
    @MethodSource("samplesAndSplitSizes")
    void splitsAddUpToTheCountsOfTheWholeFile(Sample sample, long splitSize) throws IOException {
        Path file = Files.write(directory.resolve("input.txt"), sample.bytes());

        List<TextSplitTask> splits = TextSplits.plan(localConf(), file.toString(), splitSize);

        assertThat(countSplits(splits)).isEqualTo(TextCounts.of(sample.bytes()))
                .isEqualTo(TextCountsTest.reference(sample.bytes()));
    }

    @Test
    void everySplitSizeFromOneToBeyondTheFileGivesTheSameTotal() throws IOException {
        byte[] text = Samples.generated(200, 11);
        Path file = Files.write(directory.resolve("input.txt"), text);
        TextCounts expected = TextCountsTest.reference(text);

        List<Long> wrongSizes = new ArrayList<>();
        for (long splitSize = 1; splitSize <= text.length + 1; splitSize++) {
            if (!countSplits(TextSplits.plan(localConf(), file.toString(), splitSize)).equals(expected)) {
                wrongSizes.add(splitSize);
            }
        }

        assertThat(wrongSizes).isEmpty();
    }

    @Test
    void eachSplitCountsTheLinesThatStartInIt() throws IOException {
        // lines start at 0 ("ab cd\n"), 6 ("\n"), 7 ("efg hij kl\n") and 18 ("m")
        Path file = Files.writeString(directory.resolve("input.txt"), "ab cd\n\nefg hij kl\nm");

        List<TextSplitTask> splits = TextSplits.plan(localConf(), file.toString(), 7);
        List<TextCounts> counts = new ArrayList<>();
        for (TextSplitTask split : splits) {
            counts.add(split.run(new LocalTaskContext(0)));
        }

        assertThat(counts).containsExactly(
                new TextCounts(2, 2, 7),
                new TextCounts(1, 3, 11),
                new TextCounts(1, 1, 1));
    }

    @Test
    void splitThatStartsAndEndsInsideOneLineCountsNothing() throws IOException {
        Path file = Files.writeString(directory.resolve("input.txt"), "x".repeat(100) + "\nlast\n");

        TextCounts middle = new TextSplitTask(file.toString(), 10, 20, List.of()).run(new LocalTaskContext(1));

        assertThat(middle).isEqualTo(TextCounts.ZERO);
    }

    @Test
    void planCutsEachFileIntoSplitsOfAtMostTheTargetSize() throws IOException {
        Path input = Files.createDirectories(directory.resolve("input"));
        Files.write(input.resolve("a.txt"), new byte[25]);
        Files.write(input.resolve("b.txt"), new byte[10]);
        Files.write(input.resolve("c.txt"), new byte[0]);

        List<TextSplitTask> splits = TextSplits.plan(localConf(), input.toString(), 10);

        assertThat(splits.stream().map(split -> Path.of(java.net.URI.create(split.file())).getFileName() + "@"
                + split.start() + "+" + split.length()).toList())
                .containsExactly("a.txt@0+10", "a.txt@10+10", "a.txt@20+5", "b.txt@0+10", "c.txt@0+0");
    }

    @Test
    void planSkipsMarkerAndHiddenFilesAndDirectories() throws IOException {
        Path input = Files.createDirectories(directory.resolve("input"));
        Files.writeString(input.resolve("part-00000"), "a b\n");
        Files.writeString(input.resolve("_SUCCESS"), "");
        Files.writeString(input.resolve(".part-00000.crc"), "checksum");
        Files.writeString(Files.createDirectories(input.resolve("_temporary/0")).resolve("part-00001"), "partial\n");
        Files.writeString(Files.createDirectories(input.resolve("nested")).resolve("part-00002"), "c d e\n");

        List<TextSplitTask> splits = TextSplits.plan(localConf(), input.toString(), 1000);

        assertThat(splits.stream().map(split -> input.relativize(Path.of(java.net.URI.create(split.file()))).toString())
                .toList()).containsExactly("nested/part-00002", "part-00000");
        assertThat(countSplits(splits)).isEqualTo(new TextCounts(2, 5, 10));
    }

    /**
     * Regression: the hidden-file check compared qualified file paths with the unqualified input,
     * so for a relative input it also looked at the input's own directories and skipped every
     * file under a relative input such as {@code target/x/_input}.
     */
    @Test
    void relativeInputPathPlansTheSameFilesAsItsAbsolutePath() throws IOException {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path scratch = Files.createTempDirectory(Files.createDirectories(workingDirectory.resolve("target")), "relative-input");
        try {
            Path input = Files.createDirectories(scratch.resolve("_input"));
            Files.writeString(input.resolve("part-00000"), "one two\nthree\n");
            String relative = workingDirectory.relativize(input).toString();

            List<TextSplitTask> fromRelative = TextSplits.plan(localConf(), relative, 1000);
            List<TextSplitTask> fromAbsolute = TextSplits.plan(localConf(), input.toString(), 1000);

            assertThat(fromRelative).hasSize(1).isEqualTo(fromAbsolute);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void planOfAMissingPathFailsNamingIt() {
        Path missing = directory.resolve("no-such-input");

        assertThatThrownBy(() -> TextSplits.plan(localConf(), missing.toString(), 10))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("Input path file:" + missing + " does not exist");
    }
}
