package io.spindle.jobs.cli.testjobs;

/** A job whose main throws before running any task. */
public final class ThrowingDriverJob {

    private ThrowingDriverJob() {
    }

    public static void main(String[] args) {
        throw new IllegalArgumentException("Usage: ThrowingDriverJob needs an input path");
    }
}
