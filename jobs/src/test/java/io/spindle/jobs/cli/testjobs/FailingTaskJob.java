package io.spindle.jobs.cli.testjobs;

import io.spindle.api.Session;
import io.spindle.exec.Task;
import java.util.List;

/** A job whose second task always fails on "bad data". */
public final class FailingTaskJob {

    private FailingTaskJob() {
    }

    public static void main(String[] args) {
        Session session = Session.builder().getOrCreate();
        List<Task<Integer>> tasks = List.of(context -> 1, context -> {
            throw new IllegalStateException("bad record at offset 4242");
        });
        session.runTasks("parse", tasks);
    }
}
