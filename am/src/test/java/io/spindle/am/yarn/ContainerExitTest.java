package io.spindle.am.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How YARN exit statuses map to causes, which causes count as failures, and what diagnostics say. */
class ContainerExitTest {

    private static final ContainerId CONTAINER = ContainerId.newContainerId(
            ApplicationAttemptId.newInstance(ApplicationId.newInstance(1_700_000_000_000L, 7), 1), 3);
    private static final String CONTAINER_TEXT = "container_1700000000000_0007_01_000003";

    private static ContainerStatus status(int exitStatus, String diagnostics) {
        return ContainerStatus.newInstance(CONTAINER, ContainerState.COMPLETE, diagnostics, exitStatus);
    }

    static Stream<Arguments> everyExitStatus() {
        return Stream.of(
                Arguments.of(ContainerExitStatus.SUCCESS, ContainerExit.COMPLETED),
                Arguments.of(ContainerExitStatus.INVALID, ContainerExit.APP_ERROR),
                Arguments.of(ContainerExitStatus.ABORTED, ContainerExit.NODE_LOST),
                Arguments.of(ContainerExitStatus.DISKS_FAILED, ContainerExit.NODE_LOST),
                Arguments.of(ContainerExitStatus.PREEMPTED, ContainerExit.PREEMPTED),
                Arguments.of(ContainerExitStatus.KILLED_EXCEEDED_VMEM, ContainerExit.KILLED_FOR_MEMORY),
                Arguments.of(ContainerExitStatus.KILLED_EXCEEDED_PMEM, ContainerExit.KILLED_FOR_MEMORY),
                Arguments.of(ContainerExitStatus.KILLED_BY_APPMASTER, ContainerExit.RELEASED),
                Arguments.of(ContainerExitStatus.KILLED_BY_RESOURCEMANAGER, ContainerExit.RELEASED),
                Arguments.of(ContainerExitStatus.KILLED_AFTER_APP_COMPLETION, ContainerExit.RELEASED),
                Arguments.of(ContainerExitStatus.KILLED_BY_CONTAINER_SCHEDULER, ContainerExit.PREEMPTED),
                Arguments.of(ContainerExitStatus.KILLED_FOR_EXCESS_LOGS, ContainerExit.APP_ERROR),
                Arguments.of(1, ContainerExit.APP_ERROR),
                Arguments.of(137, ContainerExit.APP_ERROR),
                Arguments.of(143, ContainerExit.APP_ERROR));
    }

    @ParameterizedTest(name = "exit status {0} -> {1}")
    @MethodSource("everyExitStatus")
    void classifiesExitStatusNotReleasedByUs(int exitStatus, ContainerExit expected) {
        assertThat(ContainerExit.classify(status(exitStatus, "diag"), false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "exit status {0} released by us -> RELEASED")
    @MethodSource("everyExitStatus")
    void containerReleasedByUsIsReleasedWhateverItsExitStatus(int exitStatus, ContainerExit ignored) {
        assertThat(ContainerExit.classify(status(exitStatus, "diag"), true)).isEqualTo(ContainerExit.RELEASED);
    }

    @Test
    void onlyMemoryKillsAndApplicationErrorsCountAsFailuresAndAgainstTasks() {
        Map<ContainerExit, String> actual = new EnumMap<>(ContainerExit.class);
        for (ContainerExit exit : ContainerExit.values()) {
            actual.put(exit, exit.countsAsFailure() + "/" + exit.countsAgainstTasks());
        }

        Map<ContainerExit, String> expected = new EnumMap<>(ContainerExit.class);
        expected.put(ContainerExit.COMPLETED, "false/false");
        expected.put(ContainerExit.PREEMPTED, "false/false");
        expected.put(ContainerExit.KILLED_FOR_MEMORY, "true/true");
        expected.put(ContainerExit.NODE_LOST, "false/false");
        expected.put(ContainerExit.RELEASED, "false/false");
        expected.put(ContainerExit.APP_ERROR, "true/true");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void memoryKillDescriptionNamesTheKeysToRaiseAndTheFirstDiagnosticLine() {
        ContainerStatus status = status(ContainerExitStatus.KILLED_EXCEEDED_PMEM,
                "  Container killed on request. Exit code is 143\nContainer exited with a non-zero exit code 143\n");

        String description = ContainerExit.classify(status, false).describe(status);

        assertThat(description).isEqualTo("container " + CONTAINER_TEXT + " exited with status -104"
                + " (killed for exceeding its memory: raise spindle.executor.memoryOverhead or spindle.executor.memory):"
                + " Container killed on request. Exit code is 143");
    }

    @Test
    void appErrorDescriptionCarriesTheFirstDiagnosticLine() {
        ContainerStatus status = status(1, "Exception from container-launch.\nstack line 1\nstack line 2");

        assertThat(ContainerExit.APP_ERROR.describe(status)).isEqualTo("container " + CONTAINER_TEXT
                + " exited with status 1 (executor failed): Exception from container-launch.");
    }

    @Test
    void appErrorDescriptionWithEmptyDiagnosticsEndsAfterTheCause() {
        ContainerStatus status = status(137, "");

        assertThat(ContainerExit.APP_ERROR.describe(status))
                .isEqualTo("container " + CONTAINER_TEXT + " exited with status 137 (executor failed): ");
    }

    @Test
    void descriptionsOfCausesWithoutAFixSayWhetherTheyCount() {
        Map<ContainerExit, String> actual = new LinkedHashMap<>();
        actual.put(ContainerExit.COMPLETED, ContainerExit.COMPLETED.describe(status(0, "ignored")));
        actual.put(ContainerExit.PREEMPTED, ContainerExit.PREEMPTED.describe(status(-102, "ignored")));
        actual.put(ContainerExit.NODE_LOST, ContainerExit.NODE_LOST.describe(status(-101, "ignored")));
        actual.put(ContainerExit.RELEASED, ContainerExit.RELEASED.describe(status(-105, "ignored")));

        String base = "container " + CONTAINER_TEXT + " exited with status ";
        assertThat(actual).containsExactly(
                Map.entry(ContainerExit.COMPLETED, base + "0 (completed)"),
                Map.entry(ContainerExit.PREEMPTED, base + "-102 (preempted by YARN; not counted as a failure)"),
                Map.entry(ContainerExit.NODE_LOST, base + "-101 (node lost or disks failed; not counted as a failure)"),
                Map.entry(ContainerExit.RELEASED, base + "-105 (released)"));
    }
}
