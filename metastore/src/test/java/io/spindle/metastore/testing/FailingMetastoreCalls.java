package io.spindle.metastore.testing;

import io.spindle.metastore.client.ForwardingMetastoreCalls;
import io.spindle.metastore.client.MetastoreCalls;
import java.util.Set;
import org.apache.hadoop.hive.metastore.api.MetaException;
import org.apache.thrift.TException;

/** Fails the named calls as a metastore would (MetaException), for fault injection. */
public final class FailingMetastoreCalls extends ForwardingMetastoreCalls {
    private final Set<String> failing;

    public FailingMetastoreCalls(MetastoreCalls delegate, String... failing) {
        super(delegate);
        this.failing = Set.of(failing);
    }

    @Override
    protected void before(String call, Object argument) throws TException {
        if (failing.contains(call)) {
            throw new MetaException("injected failure of " + call);
        }
    }
}
