package io.spindle.am.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions the scheduler decides under its lock and carries out after releasing it: sends to
 * executors and listener calls, which may block or call back into the scheduler.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final List<Runnable> actions = new ArrayList<>();

    void add(Runnable action) {
        actions.add(action);
    }

    /** Releases the lock, then runs the actions in order; an action's error is logged, not thrown. */
    void runAfterUnlock(ReentrantLock lock) {
        lock.unlock();
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Scheduler action failed", e);
            }
        }
        actions.clear();
    }
}
