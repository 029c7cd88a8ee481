package io.spindle.am.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live executors by id, plus the ids of lost ones (an id is never reused within an application,
 * so a late or repeated report about a lost executor is recognised and ignored).
 * Not thread-safe: guarded by the scheduler's lock.
 */
final class ExecutorRegistry {
    private final Map<String, ExecutorSlot> live = new LinkedHashMap<>();
    private final Set<String> lost = new HashSet<>();

    boolean isKnown(String executorId) {
        return live.containsKey(executorId) || lost.contains(executorId);
    }

    /** @return false when the id is live or was lost before */
    boolean add(ExecutorSlot slot) {
        if (isKnown(slot.id())) {
            return false;
        }
        live.put(slot.id(), slot);
        return true;
    }

    ExecutorSlot get(String executorId) {
        return live.get(executorId);
    }

    /** Removes a live executor; null when it is not live (unknown, or already lost). */
    ExecutorSlot markLost(String executorId) {
        ExecutorSlot slot = live.remove(executorId);
        if (slot != null) {
            lost.add(executorId);
        }
        return slot;
    }

    Collection<ExecutorSlot> live() {
        return live.values();
    }

    Set<String> liveIds() {
        return live.keySet();
    }

    /** Executors that can take a task now, in registration order. */
    List<ExecutorSlot> withFreeCores() {
        List<ExecutorSlot> free = new ArrayList<>();
        for (ExecutorSlot slot : live.values()) {
            if (slot.freeCores() > 0) {
                free.add(slot);
            }
        }
        return free;
    }

    List<ExecutorSlot> removeAll() {
        List<ExecutorSlot> all = new ArrayList<>(live.values());
        for (ExecutorSlot slot : all) {
            markLost(slot.id());
        }
        return all;
    }
}
