package io.spindle.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.jobs.cli.SpindleMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/spindle bench} end to end at a tiny scale: one line per query, unsupported ones said so. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BenchCommandTest {
    @TempDir
    Path directory;

    @Test
    void printsOneLinePerQuery() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("bench",
                "--scale", "0.01", "--queries", "q6,wordcount,sort", "--runs", "2", "--warmup", "0",
                "--work-dir", directory.toString());
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).containsPattern("(?m)^q6 +rows=1 +first_ms=\\d+ +median_ms=\\d+ +rows_per_s=\\d+ +peak_heap_mb=\\d+")
                .containsPattern("(?m)^wordcount +rows=100 ")
                .containsPattern("(?m)^sort +rows=10000 ");
        assertThat(directory.toFile().list((dir, name) -> name.startsWith("scratch"))).isEmpty();
    }

    @Test
    void rejectsAnUnknownQuery() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("bench",
                "--queries", "q7", "--work-dir", directory.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown query 'q7'");
    }
}
