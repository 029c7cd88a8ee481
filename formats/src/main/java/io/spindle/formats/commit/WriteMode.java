package io.spindle.formats.commit;

/** What a write does to the data already in its output directory. See {@link FileCommitProtocol}. */
public enum WriteMode {
    /** Fail, before any task runs, if the output holds any visible entry; Spark's default. */
    ERROR_IF_EXISTS,
    /** Add files beside the existing ones; file names carry the job id, so they never collide. */
    APPEND,
    /** Replace everything in the output with the new data. */
    OVERWRITE,
    /**
     * Replace only the partition directories the new data has rows for; other partitions stay.
     * Spark's {@code partitionOverwriteMode=dynamic}. Unpartitioned data is overwritten whole.
     */
    DYNAMIC_PARTITION_OVERWRITE
}
