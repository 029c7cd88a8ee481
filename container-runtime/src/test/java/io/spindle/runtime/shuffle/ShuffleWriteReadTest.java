package io.spindle.runtime.shuffle;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.batch.ColumnBatch;
import io.spindle.formats.types.DataType;
import io.spindle.formats.types.Field;
import io.spindle.formats.types.Schema;
import io.spindle.plan.stage.StageTaskResult.MapOutput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One data file + one index per map attempt; reducers read partition ranges; duplicates never double rows. */
class ShuffleWriteReadTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.STRING), Field.of("v", DataType.LONG),
            Field.of("d", DataType.decimal(30, 2)));

    @TempDir
    Path temp;

    private static ColumnBatch rows(int from, int to) {
        ColumnBatch.Builder builder = ColumnBatch.builder(SCHEMA);
        for (int i = from; i < to; i++) {
            builder.appendRow(i % 7 == 0 ? null : "key" + i, (long) i, i % 5 == 0 ? null : BigDecimal.valueOf(i, 2));
        }
        return builder.build();
    }

    private static int[] partitionsOf(ColumnBatch batch, int partitions) {
        int[] result = new int[batch.rowCount()];
        for (int r = 0; r < result.length; r++) {
            result[r] = (int) ((Long) batch.column(1).get(r) % partitions);
        }
        return result;
    }

    private MapOutput writeAttempt(FileSystem fs, org.apache.hadoop.fs.Path dir, int attempt, String codec)
            throws Exception {
        ShuffleWriter writer = new ShuffleWriter(fs, dir, 0, attempt, SCHEMA, 3, codec);
        ColumnBatch batch = rows(0, 10_000);
        writer.write(batch, partitionsOf(batch, 3));
        return writer.commit();
    }

    private List<List<Object>> read(FileSystem fs, List<String> indexes, int start, int end, String codec)
            throws Exception {
        ShuffleReader reader = new ShuffleReader(fs, indexes, start, end, SCHEMA, codec);
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
            rows.addAll(batch.toRows());
        }
        return rows;
    }

    @Test
    void reducersReadExactlyTheirPartitionsAndADuplicateAttemptAddsNothing() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(temp.toUri().toString(), "shuffle-0");
        MapOutput first = writeAttempt(fs, dir, 0, "lz4");
        MapOutput duplicate = writeAttempt(fs, dir, 1, "lz4");

        assertThat(duplicate.indexFile()).isEqualTo(first.indexFile());
        assertThat(duplicate.partitionBytes()).containsExactly(first.partitionBytes());
        assertThat(fs.listStatus(dir)).hasSize(2); // one data file and one index: the loser cleaned up
        List<List<Object>> expected = rows(0, 10_000).toRows();
        List<List<Object>> partition1 = read(fs, List.of(first.indexFile()), 1, 2, "lz4");
        assertThat(partition1).containsExactlyElementsOf(expected.stream().filter(row -> (Long) row.get(1) % 3 == 1)
                .toList());
        assertThat(read(fs, List.of(first.indexFile()), 0, 3, "lz4")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void uncompressedBlocksRoundTrip() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(temp.toUri().toString(), "shuffle-1");
        MapOutput output = writeAttempt(fs, dir, 0, "none");
        assertThat(read(fs, List.of(output.indexFile()), 0, 3, "none"))
                .containsExactlyInAnyOrderElementsOf(rows(0, 10_000).toRows());
    }
}
