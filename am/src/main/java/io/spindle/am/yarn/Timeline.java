package io.spindle.am.yarn;

import java.util.LinkedHashMap;
import java.util.Map;

/** When each step of an application happened (epoch ms), for the result file and the status page. */
final class Timeline {

    private final Map<String, Long> steps = new LinkedHashMap<>();

    synchronized void mark(String step) {
        mark(step, System.currentTimeMillis());
    }

    synchronized void mark(String step, long epochMillis) {
        steps.put(step, epochMillis);
    }

    synchronized void markOnce(String step) {
        steps.putIfAbsent(step, System.currentTimeMillis());
    }

    synchronized Map<String, Long> asMap() {
        return new LinkedHashMap<>(steps);
    }
}
