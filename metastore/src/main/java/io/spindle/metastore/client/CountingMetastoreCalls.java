package io.spindle.metastore.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records every metastore call and its argument, in order: for tests and for diagnosing what a query asked the metastore. */
public final class CountingMetastoreCalls extends ForwardingMetastoreCalls {
    private final List<String> calls = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    public CountingMetastoreCalls(MetastoreCalls delegate) {
        super(delegate);
    }

    @Override
    protected synchronized void before(String call, Object argument) {
        calls.add(call);
        arguments.add(argument);
    }

    /** Calls made, by name, with counts. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call, 1, Integer::sum));
        return counts;
    }

    /** The arguments of every call of this name, in order. */
    public synchronized List<Object> arguments(String call) {
        List<Object> matching = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).equals(call)) {
                matching.add(arguments.get(i));
            }
        }
        return matching;
    }
}
