package io.spindle.formats.parquet;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Parquet input files. A local file is read directly, with positional reads on its channel ({@link
 * LocalFileStream}): Hadoop's checked local file system would verify its {@code .crc} side file on
 * every read, in small chunks, while Parquet's own page checksums (verified on every page read)
 * already catch a corrupt page; and its raw stream allocates a native buffer for every large read.
 */
final class LocalInputFiles {
    private LocalInputFiles() {
    }

    static InputFile of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (!(fs instanceof LocalFileSystem local)) {
            return HadoopInputFile.fromPath(path, conf);
        }
        FileSystem raw = local.getRaw();
        long length = raw.getFileStatus(path).getLen();
        java.nio.file.Path file = raw instanceof RawLocalFileSystem rawLocal ? rawLocal.pathToFile(path).toPath() : null;
        return new InputFile() {
            @Override
            public long getLength() {
                return length;
            }

            @Override
            public SeekableInputStream newStream() throws IOException {
                return file != null ? LocalFileStream.open(file) : HadoopStreams.wrap(raw.open(path));
            }

            @Override
            public String toString() {
                return path.toString();
            }
        };
    }
}
