package io.spindle.am.driver;

import io.spindle.am.client.ExitCode;

/**
 * How a job's main method ended.
 *
 * @param reason a few words for humans and logs: "succeeded", "task failed", "bad configuration"
 * @param diagnostics the error with enough of its stack to act on; empty on success
 */
public record DriverOutcome(ExitCode exit, String reason, String diagnostics) {

    public boolean succeeded() {
        return exit == ExitCode.SUCCESS;
    }
}
