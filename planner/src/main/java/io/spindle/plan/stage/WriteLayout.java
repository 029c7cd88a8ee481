package io.spindle.plan.stage;

import io.spindle.conf.DataSize;
import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.commit.PartitionedWriter;
import java.io.Serializable;

/**
 * How a write task lays out its files, in a form that travels inside the task: the columnar
 * layout ({@link WriteOptions}), the file-size and open-file limits ({@link PartitionedWriter.Limits}),
 * and the leaf directory inside each partition's directory ("" for none; see {@link PartitionedWriter}).
 */
public record WriteLayout(String compression, long rowGroupBytes, long pageBytes, boolean dictionary,
        long targetFileBytes, int maxOpenFiles, String leafDirectory) implements Serializable {

    public static WriteLayout of(WriteOptions options, PartitionedWriter.Limits limits) {
        return new WriteLayout(options.compression().name(), options.rowGroupSize().bytes(),
                options.pageSize().bytes(), options.dictionaryEnabled(), limits.targetFileBytes(),
                limits.maxOpenFiles(), "");
    }

    public WriteLayout withLeafDirectory(String directory) {
        return new WriteLayout(compression, rowGroupBytes, pageBytes, dictionary, targetFileBytes, maxOpenFiles,
                directory);
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(Compression.parse(compression), DataSize.ofBytes(rowGroupBytes),
                DataSize.ofBytes(pageBytes), dictionary);
    }

    public PartitionedWriter.Limits limits() {
        return new PartitionedWriter.Limits(targetFileBytes, maxOpenFiles);
    }
}
