package io.spindle.runtime.rpc;

import java.io.IOException;

/** A message does not fit in one RPC frame (see {@link RpcConnection#DEFAULT_MAX_FRAME_BYTES}). */
public final class RpcFrameTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public RpcFrameTooLargeException(String message) {
        super(message);
    }
}
