package io.spindle.formats.commit;

import static io.spindle.formats.commit.TableWrites.concat;
import static io.spindle.formats.commit.TableWrites.readBack;
import static io.spindle.formats.commit.TableWrites.rows;
import static io.spindle.formats.commit.TableWrites.sortedById;
import static io.spindle.formats.commit.TableWrites.writeJob;
import static io.spindle.formats.commit.TableWrites.writeTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.formats.parquet.ParquetFileFormat;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileCommitProtocolTest {
    private static final ParquetFileFormat PARQUET = new ParquetFileFormat();
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate JAN_3 = LocalDate.of(2024, 1, 3);

    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs;
    private java.nio.file.Path table;
    private Path output;

    @BeforeEach
    void setUp() throws Exception {
        fs = FileSystem.getLocal(new Configuration());
        table = dir.resolve("sales");
        output = new Path(table.toUri());
    }

    @Test
    void appendAddsFilesWithUniqueNamesAndWritesSuccess() throws Exception {
        List<List<Object>> first = rows(0, 300, JAN_1, "US");
        List<List<Object>> second = rows(300, 300, JAN_1, "US");

        writeJob(fs, output, "job1", WriteMode.APPEND, PARQUET, List.of(first));
        JobCommitResult result = writeJob(fs, output, "job2", WriteMode.APPEND, PARQUET, List.of(second));

        assertThat(readBack(fs, PARQUET, output)).isEqualTo(concat(first, second));
        assertThat(result.partitions()).containsExactly("day=2024-01-01/country=US");
        assertThat(result.files()).extracting(StagedFile::relativePath)
                .containsExactly("day=2024-01-01/country=US/part-00000-job2-c000.parquet");
        assertThat(result.rows()).isEqualTo(300);
        assertThat(Files.readString(table.resolve("_SUCCESS"))).isEqualTo("job=job2\nmode=APPEND\n");
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    @Test
    void errorIfExistsFailsBeforeAnyTaskWhenTheOutputHasData() throws Exception {
        writeJob(fs, output, "job1", WriteMode.ERROR_IF_EXISTS, PARQUET, List.of(rows(0, 10, JAN_1, "US")));
        Map<String, String> before = DirectorySnapshot.of(table);

        FileCommitProtocol second = new FileCommitProtocol(fs, output, "job2", WriteMode.ERROR_IF_EXISTS);

        assertThatThrownBy(second::setupJob).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining(table.toString()).hasMessageContaining("not empty");
        assertThat(DirectorySnapshot.of(table)).isEqualTo(before);
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(rows(0, 10, JAN_1, "US"));
    }

    @Test
    void errorIfExistsWritesIntoAnEmptyExistingDirectory() throws Exception {
        Files.createDirectories(table);

        writeJob(fs, output, "job1", WriteMode.ERROR_IF_EXISTS, PARQUET, List.of(rows(0, 10, JAN_1, "US")));

        assertThat(readBack(fs, PARQUET, output)).isEqualTo(rows(0, 10, JAN_1, "US"));
        assertThat(table.resolve("_SUCCESS")).exists();
    }

    @Test
    void overwriteReplacesEverything() throws Exception {
        writeJob(fs, output, "job1", WriteMode.APPEND, PARQUET,
                List.of(rows(0, 50, JAN_1, "US"), rows(50, 50, JAN_2, "FR")));
        List<List<Object>> replacement = rows(1000, 20, JAN_3, "DE");

        writeJob(fs, output, "job2", WriteMode.OVERWRITE, PARQUET, List.of(replacement));

        assertThat(readBack(fs, PARQUET, output)).isEqualTo(replacement);
        assertThat(DirectorySnapshot.of(table).keySet()).noneMatch(path -> path.contains("job1"));
        assertThat(Files.readString(table.resolve("_SUCCESS"))).isEqualTo("job=job2\nmode=OVERWRITE\n");
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    @Test
    void dynamicPartitionOverwriteReplacesOnlyTouchedPartitions() throws Exception {
        List<List<Object>> usJan1 = rows(0, 50, JAN_1, "US");
        List<List<Object>> frJan1 = rows(50, 50, JAN_1, "FR");
        List<List<Object>> usJan2 = rows(100, 50, JAN_2, "US");
        writeJob(fs, output, "job1", WriteMode.APPEND, PARQUET, List.of(concat(usJan1, frJan1), usJan2));
        Map<String, String> untouched = DirectorySnapshot.of(table.resolve("day=2024-01-01/country=FR"));
        List<List<Object>> newUsJan1 = rows(1000, 5, JAN_1, "US");
        List<List<Object>> newDeJan3 = rows(2000, 5, JAN_3, "DE");

        JobCommitResult result = writeJob(fs, output, "job2", WriteMode.DYNAMIC_PARTITION_OVERWRITE, PARQUET,
                List.of(newUsJan1, newDeJan3));

        assertThat(result.partitions()).containsExactly("day=2024-01-01/country=US", "day=2024-01-03/country=DE");
        assertThat(readBack(fs, PARQUET, output)).isEqualTo(sortedById(concat(frJan1, usJan2, newUsJan1, newDeJan3)));
        assertThat(DirectorySnapshot.of(table.resolve("day=2024-01-01/country=FR"))).isEqualTo(untouched);
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    /** The acceptance test: a task that fails midway, then job abort, leaves the destination as it was. */
    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void aTaskFailingMidwayThenJobAbortLeavesTheOutputByteForByteUnchanged(WriteMode mode) throws Exception {
        if (mode != WriteMode.ERROR_IF_EXISTS) {
            writeJob(fs, output, "old", WriteMode.APPEND, PARQUET,
                    List.of(rows(0, 50, JAN_1, "US"), rows(50, 50, JAN_2, "FR")));
        }
        Map<String, String> before = DirectorySnapshot.of(table);
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, "new", mode);
        protocol.setupJob();
        writeTask(protocol, 0, 0, PARQUET, rows(1000, 500, JAN_1, "US"), PartitionedWriter.Limits.defaults());
        // Three batches reach the writer, then the fourth write fails: files are half written.
        FaultyFormat failing = new FaultyFormat(PARQUET, 3);

        assertThatThrownBy(() -> writeTask(protocol, 1, 0, failing, rows(2000, 500, JAN_1, "US"),
                PartitionedWriter.Limits.defaults())).hasMessageContaining("Injected failure");
        protocol.abortJob();

        assertThat(failing.openWriters()).isZero();
        assertThat(DirectorySnapshot.of(table)).isEqualTo(before);
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    /** Every rename of the job commit, made to fail in turn: the commit rolls the output back each time. */
    @ParameterizedTest
    @EnumSource(value = WriteMode.class, names = {"APPEND", "OVERWRITE", "DYNAMIC_PARTITION_OVERWRITE"})
    void aJobCommitFailingAtAnyRenameRollsTheOutputBack(WriteMode mode) throws Exception {
        int failuresSeen = 0;
        for (int failAt = 1; ; failAt++) {
            java.nio.file.Path attemptTable = dir.resolve("t" + failAt).resolve("sales");
            Path attemptOutput = new Path(attemptTable.toUri());
            writeJob(fs, attemptOutput, "old", WriteMode.APPEND, PARQUET,
                    List.of(rows(0, 50, JAN_1, "US"), rows(50, 50, JAN_2, "FR")));
            Map<String, String> before = DirectorySnapshot.of(attemptTable);
            FaultyFileSystem faulty = new FaultyFileSystem(fs);
            FileCommitProtocol protocol = new FileCommitProtocol(faulty, attemptOutput, "new", mode);
            protocol.setupJob();
            List<TaskCommitMessage> messages = List.of(
                    writeTask(protocol, 0, 0, PARQUET, rows(1000, 30, JAN_1, "US"), PartitionedWriter.Limits.defaults()),
                    writeTask(protocol, 1, 0, PARQUET, rows(2000, 30, JAN_3, "DE"), PartitionedWriter.Limits.defaults()));
            faulty.failAtRename(failAt, false);
            try {
                protocol.commitJob(messages);
            } catch (java.io.IOException e) {
                assertThat(e).hasMessageContaining("Injected rename failure");
                protocol.abortJob();
                assertThat(DirectorySnapshot.of(attemptTable)).as("after a failure at rename %d", failAt)
                        .isEqualTo(before);
                assertThat(DirectorySnapshot.stagingDirectories(attemptTable)).isEmpty();
                failuresSeen++;
                continue;
            }
            assertThat(faulty.failed()).isFalse(); // every rename passed: the commit is complete
            assertThat(failuresSeen).isGreaterThanOrEqualTo(2);
            return;
        }
    }

    /** A driver that dies in the middle of publishing: the next cleanup puts the old output back. */
    @ParameterizedTest
    @EnumSource(value = WriteMode.class, names = {"APPEND", "OVERWRITE", "DYNAMIC_PARTITION_OVERWRITE"})
    void cleanupAfterACrashMidCommitRestoresTheOutput(WriteMode mode) throws Exception {
        for (int crashAt = 1; ; crashAt++) {
            java.nio.file.Path attemptTable = dir.resolve("c" + crashAt).resolve("sales");
            Path attemptOutput = new Path(attemptTable.toUri());
            writeJob(fs, attemptOutput, "old", WriteMode.APPEND, PARQUET, List.of(rows(0, 50, JAN_1, "US")));
            Map<String, String> before = DirectorySnapshot.of(attemptTable);
            FaultyFileSystem faulty = new FaultyFileSystem(fs);
            FileCommitProtocol protocol = new FileCommitProtocol(faulty, attemptOutput, "new", mode);
            protocol.setupJob();
            List<TaskCommitMessage> messages = List.of(writeTask(protocol, 0, 0, PARQUET,
                    concat(rows(1000, 30, JAN_1, "US"), rows(2000, 30, JAN_3, "DE")), PartitionedWriter.Limits.defaults()));
            faulty.failAtRename(crashAt, true);
            try {
                protocol.commitJob(messages);
                return; // no rename left to crash at
            } catch (java.io.IOException expected) {
                // the driver is gone; nothing more happens until a cleanup runs
            }

            List<Path> removed = FileCommitProtocol.cleanupStale(fs, attemptOutput, Duration.ofHours(1),
                    Instant.now().plus(Duration.ofHours(2)));

            assertThat(removed).hasSize(1);
            assertThat(DirectorySnapshot.of(attemptTable)).as("after a crash at rename %d", crashAt).isEqualTo(before);
            assertThat(DirectorySnapshot.stagingDirectories(attemptTable)).isEmpty();
        }
    }

    @Test
    void aDuplicateTaskAttemptIsPublishedOnce() throws Exception {
        FileCommitProtocol protocol = new FileCommitProtocol(fs, output, "job1", WriteMode.APPEND);
        protocol.setupJob();
        List<List<Object>> task0 = rows(0, 100, JAN_1, "US");
        List<List<Object>> task1 = rows(100, 100, JAN_2, "US");
        TaskCommitMessage first = writeTask(protocol, 0, 0, PARQUET, task0, PartitionedWriter.Limits.defaults());
        TaskCommitMessage speculative = writeTask(protocol, 0, 1, PARQUET, task0, PartitionedWriter.Limits.defaults());
        TaskCommitMessage other = writeTask(protocol, 1, 0, PARQUET, task1, PartitionedWriter.Limits.defaults());

        JobCommitResult result = protocol.commitJob(List.of(first, speculative, other, first));

        assertThat(readBack(fs, PARQUET, output)).isEqualTo(concat(task0, task1));
        assertThat(result.rows()).isEqualTo(200);
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = WriteMode.class, names = {"APPEND", "DYNAMIC_PARTITION_OVERWRITE"})
    void twoConcurrentJobsOnDifferentPartitionsBothLand(WriteMode mode) throws Exception {
        List<List<Object>> existing = rows(0, 40, JAN_1, "FR");
        writeJob(fs, output, "old", WriteMode.APPEND, PARQUET, List.of(existing));
        List<List<Object>> us = rows(1000, 300, JAN_2, "US");
        List<List<Object>> de = rows(2000, 300, JAN_3, "DE");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<JobCommitResult>> jobs = new ArrayList<>();
            for (Object[] job : List.of(new Object[] {"jobUS", us}, new Object[] {"jobDE", de})) {
                @SuppressWarnings("unchecked")
                List<List<Object>> rows = (List<List<Object>>) job[1];
                Callable<JobCommitResult> run = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return writeJob(fs, output, (String) job[0], mode, PARQUET, List.of(rows));
                };
                jobs.add(threads.submit(run));
            }
            for (Future<JobCommitResult> job : jobs) {
                assertThat(job.get(60, TimeUnit.SECONDS).rows()).isEqualTo(300);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(readBack(fs, PARQUET, output)).isEqualTo(concat(existing, us, de));
        assertThat(DirectorySnapshot.stagingDirectories(table)).isEmpty();
    }

    @Test
    void cleanupStaleRemovesOnlyOldStagingOfThisOutput() throws Exception {
        FileCommitProtocol stale = new FileCommitProtocol(fs, output, "stale", WriteMode.APPEND);
        stale.setupJob();
        writeTask(stale, 0, 0, PARQUET, rows(0, 10, JAN_1, "US"), PartitionedWriter.Limits.defaults());
        Path otherTable = new Path(dir.resolve("other").toUri());
        new FileCommitProtocol(fs, otherTable, "otherJob", WriteMode.APPEND).setupJob();

        List<Path> recent = FileCommitProtocol.cleanupStale(fs, output, Duration.ofHours(1), Instant.now());
        List<Path> old = FileCommitProtocol.cleanupStale(fs, output, Duration.ofHours(1),
                Instant.now().plus(Duration.ofHours(2)));

        assertThat(recent).isEmpty();
        assertThat(old).extracting(Path::getName).containsExactly(".spindle-staging-stale");
        assertThat(DirectorySnapshot.stagingDirectories(table)).containsExactly(".spindle-staging-otherJob");
        assertThat(table).doesNotExist();
    }
}
