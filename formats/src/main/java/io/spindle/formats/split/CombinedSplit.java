package io.spindle.formats.split;

import io.spindle.formats.FileSplit;
import io.spindle.formats.types.Schema;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The input of one task: several file splits, possibly from different partitions, read one after
 * the other. Each member carries its partition's values so the reader can add them as columns.
 * {@link #hosts()} are the hosts that store the most bytes of the members, best first, for the
 * scheduler's locality. Serializable, as it travels to executors inside a task.
 */
public final class CombinedSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Schema partitionSchema;
    private final List<Member> members;
    private final List<String> hosts;

    public CombinedSplit(Schema partitionSchema, List<Member> members, List<String> hosts) {
        this.partitionSchema = Objects.requireNonNull(partitionSchema, "partitionSchema");
        this.members = List.copyOf(members);
        this.hosts = List.copyOf(hosts);
    }

    /** One file split and the values of the partition its file belongs to. */
    public record Member(FileSplit split, List<Object> partitionValues) implements Serializable {
        public Member {
            Objects.requireNonNull(split, "split");
            // Values may be null; an unmodifiable ArrayList keeps them and stays serializable.
            partitionValues = Collections.unmodifiableList(new ArrayList<>(partitionValues));
        }
    }

    public Schema partitionSchema() {
        return partitionSchema;
    }

    public List<Member> members() {
        return members;
    }

    public List<FileSplit> splits() {
        return members.stream().map(Member::split).toList();
    }

    /** Hosts storing the most bytes of this split, best first; empty when unknown. */
    public List<String> hosts() {
        return hosts;
    }

    public long totalBytes() {
        return members.stream().mapToLong(member -> member.split().length()).sum();
    }

    @Override
    public String toString() {
        return "CombinedSplit(" + members.size() + " splits, " + totalBytes() + " bytes"
                + (hosts.isEmpty() ? "" : " on " + hosts) + ")";
    }
}
