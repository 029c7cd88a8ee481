package io.spindle.plan.stage;

import io.spindle.conf.DataSize;
import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.commit.PartitionedWriter;
import java.io.Serializable;

/**
 * How a write task lays out its files, in a form that travels inside the task: the columnar
 * layout ({@link WriteOptions}) and the file-size and open-file limits ({@link PartitionedWriter.Limits}).
 */
public record WriteLayout(String compression, long rowGroupBytes, long pageBytes, boolean dictionary,
        long targetFileBytes, int maxOpenFiles) implements Serializable {

    public static WriteLayout of(WriteOptions options, PartitionedWriter.Limits limits) {
        return new WriteLayout(options.compression().name(), options.rowGroupSize().bytes(),
                options.pageSize().bytes(), options.dictionaryEnabled(), limits.targetFileBytes(),
                limits.maxOpenFiles());
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(Compression.parse(compression), DataSize.ofBytes(rowGroupBytes),
                DataSize.ofBytes(pageBytes), dictionary);
    }

    public PartitionedWriter.Limits limits() {
        return new PartitionedWriter.Limits(targetFileBytes, maxOpenFiles);
    }
}
