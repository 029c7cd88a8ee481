package io.spindle.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every read of {@link LocalFileStream} against the same bytes read with {@link RandomAccessFile}. */
class LocalFileStreamTest {
    @TempDir
    Path directory;

    private Path file;
    private int length;

    @BeforeEach
    void writeFile() throws IOException {
        // Longer than two slices and not a multiple of one, so reads cross slice boundaries.
        length = 2 * LocalFileStream.SLICE + 12_345;
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        file = directory.resolve("data.bin");
        Files.write(file, bytes);
    }

    private byte[] reference(long position, int count) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(position);
            byte[] bytes = new byte[count];
            in.readFully(bytes);
            return bytes;
        }
    }

    @Test
    void readFullyAtSeekedPositionsReturnsTheFilesBytes() throws IOException {
        Random random = new Random(7);
        try (LocalFileStream stream = LocalFileStream.open(file)) {
            for (int trial = 0; trial < 50; trial++) {
                long position = random.nextInt(length);
                int count = random.nextInt((int) Math.min(length - position, 3L * LocalFileStream.SLICE) + 1);
                stream.seek(position);
                byte[] bytes = new byte[count + 3];
                stream.readFully(bytes, 3, count);
                byte[] expected = new byte[count + 3];
                System.arraycopy(reference(position, count), 0, expected, 3, count);
                assertArrayEquals(expected, bytes, "at " + position + " for " + count);
                assertEquals(position + count, stream.getPos());
            }
        }
    }

    @Test
    void heapAndDirectBufferReadsReturnTheFilesBytes() throws IOException {
        try (LocalFileStream stream = LocalFileStream.open(file)) {
            for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(LocalFileStream.SLICE + 17),
                    ByteBuffer.allocateDirect(LocalFileStream.SLICE + 17)}) {
                stream.seek(999);
                buffer.position(5);
                stream.readFully(buffer);
                assertEquals(buffer.capacity(), buffer.position());
                byte[] read = new byte[buffer.capacity() - 5];
                buffer.position(5);
                buffer.get(read);
                assertArrayEquals(reference(999, read.length), read);
                assertEquals(999 + read.length, stream.getPos());
            }
        }
    }

    @Test
    void smallReadsAcrossTheReadBufferAndBackwardSeeksReturnTheFilesBytes() throws IOException {
        Random random = new Random(11);
        try (LocalFileStream stream = LocalFileStream.open(file)) {
            long position = LocalFileStream.BUFFER - 100;
            stream.seek(position);
            for (int trial = 0; trial < 2_000; trial++) {
                if (random.nextInt(10) == 0) {
                    // Back within (or before) what is buffered, or forward past it.
                    position = Math.max(0, Math.min(length - 1, position + random.nextInt(4 * LocalFileStream.BUFFER)
                            - 2 * LocalFileStream.BUFFER));
                    stream.seek(position);
                }
                int count = random.nextInt(3) == 0 ? 1 : random.nextInt(300);
                count = (int) Math.min(count, length - position);
                byte[] expected = reference(position, count);
                if (count == 1) {
                    assertEquals(expected[0] & 0xFF, stream.read(), "byte at " + position);
                } else {
                    byte[] bytes = new byte[count];
                    stream.readFully(bytes);
                    assertArrayEquals(expected, bytes, "at " + position + " for " + count);
                }
                position += count;
                assertEquals(position, stream.getPos());
                if (position >= length - 1) {
                    position = 0;
                    stream.seek(0);
                }
            }
        }
    }

    @Test
    void theEndOfTheFileIsReportedAsInputStreamsDo() throws IOException {
        try (LocalFileStream stream = LocalFileStream.open(file)) {
            stream.seek(length - 10);
            byte[] bytes = new byte[25];
            assertEquals(10, stream.read(bytes, 0, 25), "a read returns what is left");
            assertArrayEquals(reference(length - 10, 10), java.util.Arrays.copyOf(bytes, 10));
            assertEquals(-1, stream.read(bytes, 0, 25));
            assertEquals(-1, stream.read());
            assertEquals(-1, stream.read(ByteBuffer.allocate(4)));
            assertEquals(0, stream.read(bytes, 0, 0));

            stream.seek(length - 10);
            EOFException past = assertThrows(EOFException.class, () -> stream.readFully(new byte[11]));
            assertTrue(past.getMessage().contains(file.toString()) && past.getMessage().contains("1 bytes left"),
                    past.getMessage());
            assertThrows(EOFException.class, () -> stream.seek(-1));
        }
    }

    @Test
    void singleBytesSkipAndAvailableFollowThePosition() throws IOException {
        byte[] expected = reference(0, 3);
        try (LocalFileStream stream = LocalFileStream.open(file)) {
            assertEquals(expected[0] & 0xFF, stream.read());
            assertEquals(2, stream.skip(2));
            assertEquals(3, stream.getPos());
            assertEquals(length - 3, stream.available());
            assertEquals(length - 3, stream.skip(Long.MAX_VALUE));
            assertEquals(length, stream.getPos());
            assertEquals(0, stream.skip(5));
            stream.seek(1);
            assertEquals(expected[1] & 0xFF, stream.read());
        }
    }

    @Test
    void aMissingFileIsAFileNotFoundException() {
        Path missing = directory.resolve("gone.parquet");
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> LocalFileStream.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
