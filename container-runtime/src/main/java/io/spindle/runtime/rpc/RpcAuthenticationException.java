package io.spindle.runtime.rpc;

import java.io.IOException;

/** The peer did not prove knowledge of the application's secret, or spoke another protocol version. */
public final class RpcAuthenticationException extends IOException {
    private static final long serialVersionUID = 1L;

    public RpcAuthenticationException(String message) {
        super(message);
    }
}
