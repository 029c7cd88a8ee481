package io.spindle.formats.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.FileSplit;
import io.spindle.formats.layout.PartitionDirectory;
import io.spindle.formats.parquet.ParquetFileFormat;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;

/**
 * Split planning over synthetic listings: files with block locations on named hosts, as HDFS
 * returns them, so that locality is tested without a cluster. The files do not exist; planning
 * must not need them to.
 */
class SplitPlannerTest {
    private static final long MB = 1L << 20;
    private static final Schema BY_DAY = Schema.of(Field.of("day", DataType.INT));
    private static final ParquetFileFormat PARQUET = new ParquetFileFormat();

    private final FileSystem fs;

    SplitPlannerTest() throws Exception {
        fs = FileSystem.getLocal(new Configuration());
    }

    @Test
    void aThousandTinyFilesBecomeAFewSplits() throws Exception {
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            files.add(file("/t/day=1/part-" + i, 1024, "host" + (i % 3)));
        }

        List<CombinedSplit> splits = SplitPlanner.defaults().plan(fs, PARQUET, BY_DAY,
                List.of(new PartitionDirectory(new Path("/t/day=1"), List.of(1), files)));

        // Each file counts 1 KB + the 4 MB open cost, and a split closes before it passes 128 MB:
        // 32 files per split, the last split holding the remaining 8.
        assertThat(splits).extracting(split -> split.members().size()).containsExactly(repeat(32, 31, 8));
        assertThat(memberPaths(splits)).hasSize(1000).containsExactlyInAnyOrderElementsOf(
                files.stream().map(file -> file.getPath().toString()).toList());
        assertThat(splits).allSatisfy(split -> assertThat(split.members())
                .allSatisfy(member -> assertThat(member.partitionValues()).containsExactly(1)));
    }

    @Test
    void aBigFileIsSplitAtTheTargetWithTheHostsOfEachBlock() throws Exception {
        FileStatus big = file("/t/day=2/big", 1024 * MB, 128 * MB, "a", "b", "c", "d", "e", "f", "g", "h");

        List<CombinedSplit> splits = SplitPlanner.defaults().plan(fs, PARQUET, BY_DAY,
                List.of(new PartitionDirectory(new Path("/t/day=2"), List.of(2), List.of(big))));

        assertThat(splits).hasSize(8);
        for (int i = 0; i < 8; i++) {
            CombinedSplit split = splits.get(i);
            FileSplit only = split.members().get(0).split();
            assertThat(split.members()).hasSize(1);
            assertThat(only.start()).isEqualTo(i * 128 * MB);
            assertThat(only.length()).isEqualTo(128 * MB);
            assertThat(split.hosts()).containsExactly(String.valueOf((char) ('a' + i)));
        }
    }

    @Test
    void smallFilesFillTheGapsAndHostsAreChosenByBytes() throws Exception {
        FileStatus big = file("/t/day=1/big", 300 * MB, 128 * MB, "h1", "h2", "h3");
        List<FileStatus> small = List.of(file("/t/day=2/s0", 30 * MB, "h9"), file("/t/day=2/s1", 20 * MB, "h8"),
                file("/t/day=2/s2", 5 * MB, "h8"));

        List<CombinedSplit> splits = SplitPlanner.defaults().plan(fs, PARQUET, BY_DAY, List.of(
                new PartitionDirectory(new Path("/t/day=1"), List.of(1), List.of(big)),
                new PartitionDirectory(new Path("/t/day=2"), List.of(2), small)));

        assertThat(splits).hasSize(3);
        assertThat(describe(splits.get(0))).containsExactly("big@0+128 day=[1]");
        assertThat(describe(splits.get(1))).containsExactly("big@128+128 day=[1]");
        // The 44 MB tail of the big file and the three small files share one task.
        assertThat(describe(splits.get(2))).containsExactly("big@256+44 day=[1]", "s0@0+30 day=[2]",
                "s1@0+20 day=[2]", "s2@0+5 day=[2]");
        // Bytes per host: h3 44 MB, h9 30 MB, h8 25 MB.
        assertThat(splits.get(2).hosts()).containsExactly("h3", "h9", "h8");
        assertThat(splits.stream().mapToLong(CombinedSplit::totalBytes).sum()).isEqualTo(355 * MB);
    }

    @Test
    void aSmallTableIsSpreadOverTheMinimumNumberOfSplits() throws Exception {
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(file("/t/day=1/part-" + i, 10 * MB, "h"));
        }
        SplitPlanner planner = new SplitPlanner(128 * MB, 4 * MB, 4);

        List<CombinedSplit> splits = planner.plan(fs, PARQUET, BY_DAY,
                List.of(new PartitionDirectory(new Path("/t/day=1"), List.of(1), files)));

        // 8 x (10 + 4) MB over 4 slots: a 28 MB target, so two files per split.
        assertThat(planner.effectiveTarget(8 * 14 * MB)).isEqualTo(28 * MB);
        assertThat(splits).extracting(split -> split.members().size()).containsExactly(2, 2, 2, 2);
    }

    @Test
    void combinedSplitsSurviveSerializationWithNullPartitionValues() throws Exception {
        CombinedSplit split = new CombinedSplit(BY_DAY, List.of(new CombinedSplit.Member(
                new FileSplit(new Path("/t/day=__HIVE_DEFAULT_PARTITION__/f"), 0, 10, List.of("h"), 10),
                Arrays.asList((Object) null))), List.of("h"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(split);
        }
        CombinedSplit copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CombinedSplit) in.readObject();
        }

        assertThat(copy.splits()).isEqualTo(split.splits());
        assertThat(copy.members().get(0).partitionValues()).containsExactly((Object) null);
        assertThat(copy.hosts()).containsExactly("h");
        assertThat(copy.partitionSchema()).isEqualTo(BY_DAY);
    }

    /**
     * 30 equal files over 2 slots: greedy packing under the 128 MB target makes 3 tasks (11, 11 and 8
     * files), a last wave on one slot. They are spread over 4 tasks instead, two waves of equal work.
     */
    @Test
    void aTaskCountOffTheSlotsIsSpreadOverTheNextMultiple() throws Exception {
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            files.add(file("/t/day=1/part-" + i, 7 * MB, "h"));
        }
        PartitionDirectory directory = new PartitionDirectory(new Path("/t/day=1"), List.of(1), files);

        int greedyTasks = greedyTaskCount(files, new SplitPlanner(128 * MB, 4 * MB, 2).effectiveTarget(30 * 11 * MB),
                4 * MB);
        List<CombinedSplit> splits = new SplitPlanner(128 * MB, 4 * MB, 2).plan(fs, PARQUET, BY_DAY, List.of(directory));

        assertThat(greedyTasks).isEqualTo(3);
        assertThat(splits).extracting(split -> split.members().size()).containsExactly(8, 8, 7, 7);
        assertThat(memberPaths(splits)).hasSize(30).containsExactlyInAnyOrderElementsOf(
                files.stream().map(file -> file.getPath().toString()).toList());
    }

    /** A count already a multiple of the slots stays; an odd one goes up when fewer tasks would pass the target. */
    @Test
    void moreTasksAreChosenWhenFewerWouldPassTheTarget() throws Exception {
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 42; i++) {
            files.add(file("/t/day=1/part-" + i, 10 * MB, "h"));
        }
        PartitionDirectory directory = new PartitionDirectory(new Path("/t/day=1"), List.of(1), files);
        // 42 x (10 + 4) MB; a 100 MB target packs 7 files per task: 6 tasks, already even.
        assertThat(greedyTaskCount(files, 100 * MB, 4 * MB)).isEqualTo(6);
        assertThat(new SplitPlanner(100 * MB, 4 * MB, 2).plan(fs, PARQUET, BY_DAY, List.of(directory))).hasSize(6);
        // An 85 MB target packs 6 files per task: 7 tasks; 6 tasks of 7 files would pass it, so 8.
        assertThat(greedyTaskCount(files, 85 * MB, 4 * MB)).isEqualTo(7);
        assertThat(new SplitPlanner(85 * MB, 4 * MB, 2).plan(fs, PARQUET, BY_DAY, List.of(directory)))
                .extracting(split -> split.members().size()).containsExactly(6, 6, 5, 5, 5, 5, 5, 5);
    }

    /** Packing 70, 70, 30, 30 MB in turn under 100 MB leaves 3 tasks (70, 70 + 30, 30); 2 of 100 MB hold them. */
    @Test
    void fewerTasksAreChosenWhenTheyStayWithinTheTarget() throws Exception {
        List<FileStatus> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(file("/t/day=1/part-" + i, (i < 2 ? 70 : 30) * MB, "h"));
        }
        PartitionDirectory directory = new PartitionDirectory(new Path("/t/day=1"), List.of(1), files);

        List<CombinedSplit> splits = new SplitPlanner(100 * MB, 0, 2).plan(fs, PARQUET, BY_DAY, List.of(directory));

        assertThat(greedyTaskCount(files, 100 * MB, 0)).isEqualTo(3);
        assertThat(splits).hasSize(2);
        assertThat(splits).allSatisfy(split -> assertThat(split.totalBytes()).isLessThanOrEqualTo(100 * MB));
        assertThat(splits.stream().mapToLong(CombinedSplit::totalBytes).sum()).isEqualTo(200 * MB);
        assertThat(memberPaths(splits)).hasSize(4);
    }

    /** Tasks the plain greedy packing (largest first, close before passing the target) makes: the reference. */
    private static int greedyTaskCount(List<FileStatus> files, long target, long openCost) {
        List<Long> lengths = new ArrayList<>(files.stream().map(FileStatus::getLen).toList());
        lengths.sort(java.util.Comparator.reverseOrder());
        int tasks = 0;
        long current = 0;
        boolean open = false;
        for (long length : lengths) {
            if (open && current + length > target) {
                tasks++;
                current = 0;
                open = false;
            }
            current += length + openCost;
            open = true;
        }
        return open ? tasks + 1 : tasks;
    }

    /** A file of one block on one host. */
    private static FileStatus file(String path, long length, String host) {
        return file(path, length, Math.max(length, 1), host);
    }

    /** A file cut into blocks of {@code blockSize}, block i on {@code hosts[i % hosts.length]}. */
    private static FileStatus file(String path, long length, long blockSize, String... hosts) {
        List<BlockLocation> blocks = new ArrayList<>();
        for (long offset = 0, i = 0; offset < length; offset += blockSize, i++) {
            String host = hosts[(int) (i % hosts.length)];
            blocks.add(new BlockLocation(new String[] {host + ":9866"}, new String[] {host}, offset,
                    Math.min(blockSize, length - offset)));
        }
        return new LocatedFileStatus(length, false, 3, blockSize, 0, 0, FsPermission.getFileDefault(), "u", "g",
                null, new Path("file:" + path), blocks.toArray(new BlockLocation[0]));
    }

    private static List<String> describe(CombinedSplit split) {
        return split.members().stream().map(member -> member.split().path().getName() + "@"
                + member.split().start() / MB + "+" + member.split().length() / MB + " day="
                + member.partitionValues()).toList();
    }

    private static Set<String> memberPaths(List<CombinedSplit> splits) {
        Set<String> paths = new HashSet<>();
        splits.forEach(split -> split.splits().forEach(fileSplit -> paths.add(fileSplit.path().toString())));
        return paths;
    }

    private static Integer[] repeat(int value, int times, int last) {
        Integer[] counts = new Integer[times + 1];
        Arrays.fill(counts, value);
        counts[times] = last;
        return counts;
    }
}
