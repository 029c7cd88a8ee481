package io.spindle.plan.stage;

import io.spindle.exec.Concurrently;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs stages that do not read each other at the same time, so that their tasks share the task
 * slots: the build side of a join (often a single task) and its probe side then fill the cores
 * together instead of one core idling while the other side's one task runs. A stage's launch blocks
 * until its tasks are done, so each one but the first waits on a launcher thread of its own; the
 * scheduler hands out the slots to the submitted stages in submission order.
 *
 * <p>Every stage runs to its end even if another fails (there is no cancelling a submitted stage);
 * then the failure of the first failing stage in the given order is thrown, the one a serial run
 * would have met first.
 */
final class IndependentStages {
    private IndependentStages() {}

    /** The results of {@code launches}, in their order, each run once and all at the same time. */
    static <T> List<T> runAll(List<Supplier<T>> launches) {
        List<Concurrently.Step<T>> steps = new ArrayList<>(launches.size());
        launches.forEach(launch -> steps.add(launch::get));
        try {
            return Concurrently.runAll(steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a launch throws no checked exception
        }
    }
}
