package io.spindle.formats.parquet;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file read with positional reads on its channel. Hadoop's raw local stream is a {@code
 * FileInputStream}, which copies every large read through a native buffer it allocates and frees
 * for that one call: for a Parquet column chunk of several MB that is a fresh allocation, its pages
 * faulted in and zeroed, on every chunk. Here a large read goes through the channel in slices of
 * at most {@link #SLICE} bytes, so the JDK's per-thread temporary buffer for heap reads stays
 * small, is reused from read to read, and stays in cache (reads into direct buffers go straight
 * in). Small reads (Thrift reads column and offset indexes a byte at a time) are served from a
 * {@link #BUFFER}-byte buffer filled by one read, as Hadoop's buffered stream did.
 */
final class LocalFileStream extends SeekableInputStream {
    /** The most one channel read asks for. */
    static final int SLICE = 1 << 20;
    /** Reads smaller than this are served from a buffer of this size. */
    static final int BUFFER = 16 << 10;

    private final FileChannel channel;
    private final String name;
    private long position;
    private final byte[] buffer = new byte[BUFFER];
    private long bufferStart;
    private int bufferLength;

    private LocalFileStream(FileChannel channel, String name) {
        this.channel = channel;
        this.name = name;
    }

    static LocalFileStream open(Path file) throws IOException {
        try {
            return new LocalFileStream(FileChannel.open(file, StandardOpenOption.READ), file.toString());
        } catch (NoSuchFileException e) {
            // What Hadoop's stream (a FileInputStream) throws, which readers report as a missing file.
            throw new FileNotFoundException(file + " (No such file or directory)");
        }
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new EOFException("cannot seek to a negative offset " + newPosition + " in " + name);
        }
        position = newPosition;
    }

    @Override
    public int read() throws IOException {
        if (!buffered() && !fill()) {
            return -1;
        }
        int value = buffer[(int) (position - bufferStart)] & 0xFF;
        position++;
        return value;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        return read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        if (!destination.hasRemaining()) {
            return 0;
        }
        int total = 0;
        while (destination.hasRemaining()) {
            if (buffered()) {
                int offset = (int) (position - bufferStart);
                int count = Math.min(bufferLength - offset, destination.remaining());
                destination.put(buffer, offset, count);
                position += count;
                total += count;
            } else if (destination.remaining() < BUFFER) {
                if (!fill()) {
                    break;
                }
            } else {
                int read = readSlice(destination);
                if (read <= 0) {
                    break;
                }
                total += read;
            }
        }
        return total == 0 ? -1 : total;
    }

    private boolean buffered() {
        return position >= bufferStart && position < bufferStart + bufferLength;
    }

    /** Fills the buffer from the position; false at the end of the file. */
    private boolean fill() throws IOException {
        bufferStart = position;
        bufferLength = 0;
        int read = channel.read(ByteBuffer.wrap(buffer), position);
        if (read <= 0) {
            return false;
        }
        bufferLength = read;
        return true;
    }

    private int readSlice(ByteBuffer destination) throws IOException {
        int limit = destination.limit();
        destination.limit(destination.position() + Math.min(destination.remaining(), SLICE));
        int read;
        try {
            read = channel.read(destination, position);
        } finally {
            destination.limit(limit);
        }
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        readFully(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void readFully(ByteBuffer destination) throws IOException {
        while (destination.hasRemaining()) {
            if (read(destination) < 0) {
                throw new EOFException("Reached the end of " + name + " with " + destination.remaining()
                        + " bytes left to read");
            }
        }
    }

    @Override
    public long skip(long count) throws IOException {
        if (count <= 0) {
            return 0;
        }
        long skipped = Math.max(0, Math.min(count, channel.size() - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, channel.size() - position));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
