package io.spindle.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.jobs.cli.SpindleMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --cold}: queries in fresh JVMs, answering as the in-JVM run does, timed as whole processes. */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class ColdRunsTest {
    private static final Pattern IN_JVM = Pattern.compile("(?m)^(\\S+) +rows=(\\d+) +first_ms=\\d+ .*answer=(\\w+)$");
    private static final Pattern COLD = Pattern.compile(
            "(?m)^(\\S+) +cold_runs=(\\d+) +process_ms=(\\d+) +first_ms=(\\d+) +outside_ms=(-?\\d+) +rows=(\\d+) +answer=(\\w+) "
                    + "+process_ms_each=\\[(\\d+), (\\d+)] +jit_each=\\[(\\w+), (\\w+)]$");

    @TempDir
    Path directory;

    private String bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        assertThat(exit).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void freshProcessesAnswerAsTheInJvmRunAndTimeTheWholeProcess() {
        String inJvm = bench("bench", "--scale", "0.01", "--text-mb", "0.2", "--queries", "q6,funnel,nightly",
                "--runs", "0", "--warmup", "0", "--work-dir", directory.toString());
        String cold = bench("bench", "--scale", "0.01", "--text-mb", "0.2", "--queries", "q6,funnel,nightly",
                "--cold", "2", "--jit", "tiered", "--work-dir", directory.toString());
        // Through bin/spindle (SPINDLE_HOME set) the children run in the mode asked for; started as
        // this JVM was, they run its own JIT and say so.
        String expectedJit = ColdRuns.defaultLauncher().get(0).endsWith("spindle") ? "tiered" : "default";

        Map<String, String> expected = new HashMap<>();
        Matcher inJvmLine = IN_JVM.matcher(inJvm);
        while (inJvmLine.find()) {
            expected.put(inJvmLine.group(1), inJvmLine.group(2) + " " + inJvmLine.group(3));
        }
        Map<String, String> actual = new HashMap<>();
        Matcher coldLine = COLD.matcher(cold);
        while (coldLine.find()) {
            actual.put(coldLine.group(1), coldLine.group(6) + " " + coldLine.group(7));
            long process = Long.parseLong(coldLine.group(3));
            long first = Long.parseLong(coldLine.group(4));
            assertThat(coldLine.group(2)).isEqualTo("2");
            assertThat(List.of(coldLine.group(10), coldLine.group(11))).containsExactly(expectedJit, expectedJit);
            assertThat(first).as(cold).isPositive();
            // A whole process contains its query, and the median lies between the two runs.
            assertThat(process).as(cold).isGreaterThan(first)
                    .isBetween(Math.min(Long.parseLong(coldLine.group(8)), Long.parseLong(coldLine.group(9))),
                            Math.max(Long.parseLong(coldLine.group(8)), Long.parseLong(coldLine.group(9))));
        }
        assertThat(expected).as(inJvm).containsOnlyKeys("q6", "funnel", "nightly");
        assertThat(actual).as(cold).isEqualTo(expected);
        assertThat(directory.toFile().list((dir, name) -> name.startsWith("scratch"))).isEmpty();
    }

    @Test
    void rejectsAnUnknownJitMode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("bench",
                "--cold", "1", "--jit", "fast", "--queries", "q6", "--work-dir", directory.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--jit must be auto, quick or tiered, not 'fast'");
        assertThat(out.toString()).doesNotContain("cold_runs=");

        StringWriter inJvmErr = new StringWriter();
        int inJvm = SpindleMain.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(inJvmErr, true))
                .execute("bench", "--jit", "quick", "--queries", "q6", "--work-dir", directory.toString());
        assertThat(inJvm).isEqualTo(2);
        assertThat(inJvmErr.toString()).contains("--jit sets the JIT of --cold's fresh processes");
    }

    @Test
    void rejectsANegativeProcessCount() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SpindleMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("bench",
                "--cold", "-1", "--queries", "q6", "--work-dir", directory.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--cold must be 0 (off) or more processes, not -1");
    }
}
