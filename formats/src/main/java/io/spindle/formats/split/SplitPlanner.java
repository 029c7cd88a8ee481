package io.spindle.formats.split;

import io.spindle.formats.FileFormat;
import io.spindle.formats.FileSplit;
import io.spindle.formats.layout.PartitionDirectory;
import io.spindle.formats.layout.TableLayout;
import io.spindle.formats.types.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Turns a table's files into task inputs of about the target size, as Spark's file source does.
 *
 * <ol>
 *   <li>The effective target is {@code min(targetSplitBytes, max(openCostBytes, totalBytes / minSplits))}:
 *       a small table is still spread over {@code minSplits} tasks instead of landing in one.
 *   <li>The format cuts every file into splits of that size, on its own boundaries (row groups,
 *       stripes, lines), in one {@link FileFormat#plan} call. Small files come back whole.
 *   <li>The splits, largest first, are packed greedily: a split joins the current task unless that
 *       would pass the target. Each split also counts {@code openCostBytes}, the cost of opening a
 *       file expressed in bytes that could have been read instead, so a thousand 1 KB files make a
 *       handful of tasks rather than one per file or one for all of them.
 *   <li>When that gives a task count that is not a multiple of {@code minSplits} (the task slots),
 *       the last wave would run on some slots while the others idle: 3 equal tasks on 2 slots take
 *       two task lengths, the same bytes in 4 tasks one and a half. The members are then spread
 *       over the nearest multiple instead, each to the least loaded task, largest first: fewer
 *       tasks if they still stay within the target, else more (never more tasks than members).
 * </ol>
 *
 * A split of a big file fills a task nearly by itself, so big files stay split near the target.
 * Every byte of every file is in exactly one member of one combined split.
 */
public final class SplitPlanner {
    /** Spark's {@code spark.sql.files.maxPartitionBytes}. */
    public static final long DEFAULT_TARGET_SPLIT_BYTES = 128L << 20;
    /** Spark's {@code spark.sql.files.openCostInBytes}. */
    public static final long DEFAULT_OPEN_COST_BYTES = 4L << 20;
    /** Hosts named per split, as HDFS's replication factor: more is noise for the scheduler. */
    static final int MAX_PREFERRED_HOSTS = 3;

    private final long targetSplitBytes;
    private final long openCostBytes;
    private final int minSplits;

    /**
     * @param minSplits splits the planner aims for at least (usually the job's task slots); 1 to
     *     always use the full target
     */
    public SplitPlanner(long targetSplitBytes, long openCostBytes, int minSplits) {
        if (targetSplitBytes <= 0 || openCostBytes < 0 || minSplits < 1) {
            throw new IllegalArgumentException("Need a positive target, a non-negative open cost and at least one "
                    + "split; got target " + targetSplitBytes + ", open cost " + openCostBytes + ", min splits "
                    + minSplits);
        }
        this.targetSplitBytes = targetSplitBytes;
        this.openCostBytes = openCostBytes;
        this.minSplits = minSplits;
    }

    public static SplitPlanner defaults() {
        return new SplitPlanner(DEFAULT_TARGET_SPLIT_BYTES, DEFAULT_OPEN_COST_BYTES, 1);
    }

    public List<CombinedSplit> plan(FileSystem fs, FileFormat format, TableLayout layout) throws IOException {
        return plan(fs, format, layout.partitionSchema(), layout.partitions());
    }

    public List<CombinedSplit> plan(FileSystem fs, FileFormat format, Schema partitionSchema,
            List<PartitionDirectory> partitions) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        Map<String, List<Object>> valuesByFile = new HashMap<>();
        long totalBytes = 0;
        for (PartitionDirectory partition : partitions) {
            for (FileStatus file : partition.files()) {
                files.add(file);
                valuesByFile.put(file.getPath().toString(), partition.values());
                totalBytes += file.getLen() + openCostBytes;
            }
        }
        if (files.isEmpty()) {
            return List.of();
        }
        long target = effectiveTarget(totalBytes);
        List<CombinedSplit.Member> members = new ArrayList<>();
        for (FileSplit split : format.plan(new LocatedBlocksFileSystem(fs), files, target)) {
            members.add(new CombinedSplit.Member(split, valuesByFile.get(split.path().toString())));
        }
        List<CombinedSplit> greedy = pack(partitionSchema, members, target);
        return balanceOverSlots(partitionSchema, members, target, greedy);
    }

    /** The target after spreading a small input over {@code minSplits} tasks. */
    long effectiveTarget(long totalBytesWithOpenCost) {
        long perSplit = totalBytesWithOpenCost / minSplits;
        return Math.max(1, Math.min(targetSplitBytes, Math.max(openCostBytes, perSplit)));
    }

    private List<CombinedSplit> pack(Schema partitionSchema, List<CombinedSplit.Member> members, long target) {
        members.sort(Comparator.comparingLong((CombinedSplit.Member member) -> member.split().length()).reversed()
                .thenComparing(member -> member.split().path().toString())
                .thenComparingLong(member -> member.split().start()));
        List<CombinedSplit> combined = new ArrayList<>();
        List<CombinedSplit.Member> current = new ArrayList<>();
        long currentBytes = 0;
        for (CombinedSplit.Member member : members) {
            if (!current.isEmpty() && currentBytes + member.split().length() > target) {
                combined.add(new CombinedSplit(partitionSchema, current, preferredHosts(current)));
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(member);
            currentBytes += cost(member);
        }
        combined.add(new CombinedSplit(partitionSchema, current, preferredHosts(current)));
        return combined;
    }

    /** {@code greedy}, or the members spread evenly over a multiple of {@code minSplits} tasks. */
    private List<CombinedSplit> balanceOverSlots(Schema partitionSchema, List<CombinedSplit.Member> members,
            long target, List<CombinedSplit> greedy) {
        int tasks = greedy.size();
        if (minSplits == 1 || tasks % minSplits == 0) {
            return greedy;
        }
        int fewer = tasks / minSplits * minSplits;
        if (fewer > 0) {
            List<List<CombinedSplit.Member>> bins = spread(members, fewer);
            if (bins != null && maxLoad(bins) <= target) {
                return combine(partitionSchema, bins);
            }
        }
        int more = Math.min(members.size(), (tasks / minSplits + 1) * minSplits);
        if (more <= tasks) {
            return greedy;
        }
        return combine(partitionSchema, spread(members, more));
    }

    /** Members (sorted largest first by {@link #pack}) each to the least loaded of {@code count} tasks; null if a task stays empty. */
    private List<List<CombinedSplit.Member>> spread(List<CombinedSplit.Member> members, int count) {
        List<List<CombinedSplit.Member>> bins = new ArrayList<>(count);
        long[] loads = new long[count];
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
        }
        for (CombinedSplit.Member member : members) {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (loads[i] < loads[least]) {
                    least = i;
                }
            }
            bins.get(least).add(member);
            loads[least] += cost(member);
        }
        for (List<CombinedSplit.Member> bin : bins) {
            if (bin.isEmpty()) {
                return null;
            }
        }
        return bins;
    }

    /** What a member weighs in a task: its bytes plus the cost of opening its file. */
    private long cost(CombinedSplit.Member member) {
        return member.split().length() + openCostBytes;
    }

    private long maxLoad(List<List<CombinedSplit.Member>> bins) {
        long max = 0;
        for (List<CombinedSplit.Member> bin : bins) {
            long load = 0;
            for (CombinedSplit.Member member : bin) {
                load += cost(member);
            }
            // As in packing, a task's last member may pass the target by its open cost.
            max = Math.max(max, load - openCostBytes);
        }
        return max;
    }

    private static List<CombinedSplit> combine(Schema partitionSchema, List<List<CombinedSplit.Member>> bins) {
        List<CombinedSplit> combined = new ArrayList<>(bins.size());
        for (List<CombinedSplit.Member> bin : bins) {
            combined.add(new CombinedSplit(partitionSchema, bin, preferredHosts(bin)));
        }
        return combined;
    }

    /** The hosts holding the most bytes of the members, best first; ties by name for determinism. */
    static List<String> preferredHosts(List<CombinedSplit.Member> members) {
        Map<String, Long> bytesByHost = new HashMap<>();
        for (CombinedSplit.Member member : members) {
            for (String host : member.split().hosts()) {
                bytesByHost.merge(host, member.split().length(), Long::sum);
            }
        }
        return bytesByHost.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PREFERRED_HOSTS)
                .map(Map.Entry::getKey)
                .toList();
    }
}
