package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.conf.DataSize;
import io.spindle.formats.Compression;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The column-chunk buffers a Parquet scan hands back and takes again for its next row group. */
class ChunkBufferPoolTest {
    private static final int LARGE = ChunkBufferPool.LARGE;
    private static final int GRANULE = ChunkBufferPool.GRANULE;

    @TempDir
    Path dir;

    @Test
    void aLargeBufferHasExactlyTheSizeAskedForOverAnArrayRoundedUpToTheGranule() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer buffer = pool.allocate(LARGE + 1000);

        assertThat(buffer.position()).isZero();
        assertThat(buffer.remaining()).isEqualTo(LARGE + 1000);
        assertThat(buffer.capacity()).isEqualTo(LARGE + 1000);
        assertThat(buffer.hasArray()).isTrue();
        assertThat(buffer.arrayOffset()).isZero();
        assertThat(buffer.array()).hasSize(LARGE + GRANULE);
        assertThat(pool.isDirect()).isFalse();
        assertThatThrownBy(() -> pool.allocate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallerRequestGetsAnArrayOfItsOwnThatIsNeverPooled() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer small = pool.allocate(LARGE - 1);
        assertThat(small.remaining()).isEqualTo(LARGE - 1);
        assertThat(small.array()).hasSize(LARGE - 1);
        assertThat(pool.allocate(0).remaining()).isZero();

        pool.release(small);
        assertThat(pool.pooledBytes()).isZero();
    }

    @Test
    void aReleasedArrayIsTakenAgainByTheNextRequestItFitsAndByOneAtATime() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer first = pool.allocate(3 * LARGE);
        byte[] array = first.array();
        pool.release(first);
        assertThat(pool.pooledBytes()).isEqualTo(array.length);

        ByteBuffer again = pool.allocate(3 * LARGE - 1000);
        assertThat(again.array()).isSameAs(array);
        assertThat(again.remaining()).isEqualTo(3 * LARGE - 1000);
        assertThat(pool.pooledBytes()).isZero();
        // handed out once: a second request while it is out gets a new array
        assertThat(pool.allocate(3 * LARGE - 1000).array()).isNotSameAs(array);
    }

    @Test
    void anArrayTooSmallOrMoreThanAQuarterLargerIsNotTaken() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer two = pool.allocate(2 * LARGE);
        ByteBuffer eight = pool.allocate(8 * LARGE);
        pool.release(two);
        pool.release(eight);

        assertThat(pool.allocate(3 * LARGE).array()).isNotSameAs(two.array()).isNotSameAs(eight.array());
        assertThat(pool.allocate(7 * LARGE).array()).isSameAs(eight.array());
        assertThat(pool.allocate(2 * LARGE - GRANULE).array()).isSameAs(two.array());
        assertThat(pool.pooledBytes()).isZero();
    }

    @Test
    void onlyArraysThePoolHandedOutAndThatAreStillOutComeBackAndOnlyUpToItsCapacity() {
        ChunkBufferPool pool = new ChunkBufferPool(3L * LARGE);
        ByteBuffer a = pool.allocate(LARGE);
        ByteBuffer b = pool.allocate(2 * LARGE);
        ByteBuffer c = pool.allocate(LARGE);

        pool.release(a);
        pool.release(a); // released twice: it is no longer out, so one entry
        assertThat(pool.pooledBytes()).isEqualTo(LARGE);
        ByteBuffer taken = pool.allocate(LARGE); // a's array, out again
        assertThat(taken.array()).isSameAs(a.array());
        assertThat(pool.pooledBytes()).isZero();
        pool.release(taken);
        assertThat(pool.pooledBytes()).isEqualTo(LARGE);

        pool.release(b);
        assertThat(pool.pooledBytes()).isEqualTo(3L * LARGE);
        pool.release(c); // over capacity: left to the collector
        assertThat(pool.pooledBytes()).isEqualTo(3L * LARGE);

        pool.release(ByteBuffer.allocate(4 * LARGE)); // an array it never handed out: ignored
        pool.release(ByteBuffer.allocateDirect(16)); // no array at all: ignored
        assertThat(pool.pooledBytes()).isEqualTo(3L * LARGE);
    }

    /**
     * Row groups of a few MB, so that their chunks go through the shared pool: uncompressed (page
     * bytes are slices of the chunk buffers themselves) and Snappy (pages decompressed out of
     * them), read twice and then another file, each time with its own values.
     */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "SNAPPY"})
    void scansHandTheirChunksBackAndLaterScansReuseThemWithTheirOwnValues(Compression codec) throws Exception {
        Path first = write("first.parquet", 60_000, 5, codec);
        Path second = write("second.parquet", 50_000, 6, codec);
        List<List<Object>> firstRows = TestTables.normalize(SampleData.allTypesRows(60_000, 5));
        List<List<Object>> secondRows = TestTables.normalize(SampleData.allTypesRows(50_000, 6));
        ParquetFileFormat format = new ParquetFileFormat();

        TestTables.Scan scan = TestTables.scan(format, first, SampleData.ALL_TYPES, java.util.Optional.empty());
        assertThat(scan.rows()).isEqualTo(firstRows);
        assertThat(scan.metrics().rowGroupsRead()).isGreaterThan(1);
        long pooled = ChunkBufferPool.shared().pooledBytes();
        assertThat(pooled).isPositive(); // the last row group's chunks came back when the reader finished

        assertThat(TestTables.read(format, first, SampleData.ALL_TYPES)).isEqualTo(firstRows);
        assertThat(ChunkBufferPool.shared().pooledBytes()).isEqualTo(pooled); // the same arrays again
        assertThat(TestTables.read(format, second, SampleData.ALL_TYPES)).isEqualTo(secondRows);
    }

    @Test
    void readersOnSeveralThreadsShareThePoolAndEachReadsItsOwnFile() throws Exception {
        Path first = write("a.parquet", 40_000, 21, Compression.NONE);
        Path second = write("b.parquet", 40_000, 22, Compression.SNAPPY);
        List<List<Object>> firstRows = TestTables.normalize(SampleData.allTypesRows(40_000, 21));
        List<List<Object>> secondRows = TestTables.normalize(SampleData.allTypesRows(40_000, 22));
        ParquetFileFormat format = new ParquetFileFormat();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Future<List<List<Object>>> a = threads.submit(() -> TestTables.read(format, first, SampleData.ALL_TYPES));
                Future<List<List<Object>>> b = threads.submit(() -> TestTables.read(format, second, SampleData.ALL_TYPES));
                assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(firstRows);
                assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(secondRows);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private Path write(String name, int rows, long seed, Compression codec) throws Exception {
        Path file = dir.resolve(name);
        TestTables.write(new ParquetFileFormat(), file, SampleData.batch(SampleData.ALL_TYPES, SampleData.allTypesRows(rows, seed)),
                WriteOptions.defaults().withCompression(codec).withRowGroupSize(DataSize.ofMegabytes(2))
                        .withPageSize(DataSize.ofKilobytes(64)));
        return file;
    }
}
