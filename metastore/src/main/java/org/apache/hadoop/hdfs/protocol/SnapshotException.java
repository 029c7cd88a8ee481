package org.apache.hadoop.hdfs.protocol;

import java.io.IOException;

/**
 * Stand-in for the HDFS class of the same name, which the shaded {@code hadoop-client-api} leaves
 * out (it keeps {@code DistributedFileSystem} but not this exception).
 *
 * <p>Why it exists: the metastore's {@code org.apache.hadoop.hive.metastore.utils.FileUtils}
 * catches it in {@code moveToTrash}, so the JVM's verifier loads it as soon as {@code FileUtils} is
 * first used. Without it an in-process (embedded) metastore fails with
 * {@code NoClassDefFoundError} on its first directory operation ({@code createDatabase},
 * {@code createTable}, {@code add_partitions}) — i.e. local mode and the demo could not create a
 * table. The signature matches Hadoop's ({@code extends IOException}, message and cause
 * constructors), so when the real class is on the classpath too (the minicluster jar), whichever
 * loads first behaves the same. Remove this file if Spindle ever ships {@code hadoop-hdfs-client}.
 */
public class SnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(Throwable cause) {
        super(cause);
    }
}
