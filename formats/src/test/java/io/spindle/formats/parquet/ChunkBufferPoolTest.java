package io.spindle.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.conf.DataSize;
import io.spindle.formats.WriteOptions;
import io.spindle.formats.testing.SampleData;
import io.spindle.formats.testing.TestTables;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column-chunk buffers a Parquet scan hands back and takes again for its next row group. */
class ChunkBufferPoolTest {
    @TempDir
    Path dir;

    @Test
    void aBufferHasExactlyTheSizeAskedForOverAnArrayRoundedUpToTheGranule() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer buffer = pool.allocate(ChunkBufferPool.SMALL + 1000);

        assertThat(buffer.position()).isZero();
        assertThat(buffer.remaining()).isEqualTo(ChunkBufferPool.SMALL + 1000);
        assertThat(buffer.capacity()).isEqualTo(ChunkBufferPool.SMALL + 1000);
        assertThat(buffer.hasArray()).isTrue();
        assertThat(buffer.arrayOffset()).isZero();
        assertThat(buffer.array()).hasSize(ChunkBufferPool.GRANULE);
        assertThat(pool.isDirect()).isFalse();
        assertThat(pool.allocate(ChunkBufferPool.GRANULE + 1).array()).hasSize(2 * ChunkBufferPool.GRANULE);
        assertThatThrownBy(() -> pool.allocate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSmallRequestGetsAnArrayOfItsOwnThatIsNeverPooled() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer small = pool.allocate(88);
        assertThat(small.remaining()).isEqualTo(88);
        assertThat(small.array()).hasSize(88);
        assertThat(pool.allocate(0).remaining()).isZero();

        pool.release(small);
        assertThat(pool.pooledBytes()).isZero();
    }

    @Test
    void aReleasedArrayIsTakenAgainByTheNextBufferItFits() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer first = pool.allocate(300_000);
        byte[] array = first.array();
        first.put(0, (byte) 7);
        pool.release(first);
        assertThat(pool.pooledBytes()).isEqualTo(array.length);

        ByteBuffer again = pool.allocate(290_000);
        assertThat(again.array()).isSameAs(array);
        assertThat(again.remaining()).isEqualTo(290_000);
        assertThat(pool.pooledBytes()).isZero();
        // the array is handed out once: a second buffer while the first is out gets a new one
        assertThat(pool.allocate(290_000).array()).isNotSameAs(array);
        // and a small request never takes a pooled array
        pool.release(again);
        assertThat(pool.allocate(100).array()).isNotSameAs(array).hasSize(100);
        assertThat(pool.pooledBytes()).isEqualTo(array.length);
    }

    @Test
    void anArrayTooSmallOrMoreThanTwiceTheSizeIsNotTaken() {
        ChunkBufferPool pool = new ChunkBufferPool(64 << 20);
        ByteBuffer small = pool.allocate(ChunkBufferPool.GRANULE);
        ByteBuffer large = pool.allocate(8 * ChunkBufferPool.GRANULE);
        pool.release(small);
        pool.release(large);

        ByteBuffer middle = pool.allocate(3 * ChunkBufferPool.GRANULE);
        assertThat(middle.array()).isNotSameAs(small.array()).isNotSameAs(large.array());
        assertThat(pool.allocate(5 * ChunkBufferPool.GRANULE).array()).isSameAs(large.array());
        assertThat(pool.allocate(ChunkBufferPool.SMALL).array()).isSameAs(small.array());
    }

    @Test
    void thePoolKeepsNoMoreThanItsCapacityAndOneEntryPerArray() {
        ChunkBufferPool pool = new ChunkBufferPool(3L * ChunkBufferPool.GRANULE);
        ByteBuffer a = pool.allocate(ChunkBufferPool.GRANULE);
        ByteBuffer b = pool.allocate(2 * ChunkBufferPool.GRANULE);
        ByteBuffer c = pool.allocate(ChunkBufferPool.GRANULE);

        pool.release(a);
        pool.release(a); // released twice: still one entry
        assertThat(pool.pooledBytes()).isEqualTo(ChunkBufferPool.GRANULE);
        pool.release(b);
        assertThat(pool.pooledBytes()).isEqualTo(3L * ChunkBufferPool.GRANULE);
        pool.release(c); // over capacity: left to the collector
        assertThat(pool.pooledBytes()).isEqualTo(3L * ChunkBufferPool.GRANULE);

        pool.release(ByteBuffer.allocateDirect(16)); // not one of its buffers: ignored
        pool.release(ByteBuffer.wrap(new byte[64], 8, 16).slice()); // an array it did not size: ignored
        assertThat(pool.pooledBytes()).isEqualTo(3L * ChunkBufferPool.GRANULE);
    }

    @Test
    void aScanHandsItsChunksBackAndTheNextScanReusesThemWithCorrectValues() throws Exception {
        List<List<Object>> rows = SampleData.allTypesRows(30_000, 11);
        Path file = dir.resolve("groups.parquet");
        ParquetFileFormat format = new ParquetFileFormat();
        TestTables.write(format, file, SampleData.batch(SampleData.ALL_TYPES, rows),
                WriteOptions.defaults().withRowGroupSize(DataSize.ofKilobytes(256)).withPageSize(DataSize.ofKilobytes(16)));
        List<List<Object>> expected = TestTables.normalize(rows);

        assertThat(TestTables.read(format, file, SampleData.ALL_TYPES)).isEqualTo(expected);
        long pooledAfterFirst = ChunkBufferPool.shared().pooledBytes();
        assertThat(pooledAfterFirst).isPositive();

        // The same scan again takes the same arrays (the pool does not grow) and reads the same rows.
        assertThat(TestTables.read(format, file, SampleData.ALL_TYPES)).isEqualTo(expected);
        assertThat(ChunkBufferPool.shared().pooledBytes()).isEqualTo(pooledAfterFirst);

        // Another file through the same arrays: its own values, nothing left of the first.
        List<List<Object>> otherRows = SampleData.allTypesRows(20_000, 99);
        Path other = dir.resolve("other.parquet");
        TestTables.write(format, other, SampleData.batch(SampleData.ALL_TYPES, otherRows),
                WriteOptions.defaults().withRowGroupSize(DataSize.ofKilobytes(256)).withPageSize(DataSize.ofKilobytes(16)));
        assertThat(TestTables.read(format, other, SampleData.ALL_TYPES)).isEqualTo(TestTables.normalize(otherRows));
    }
}
