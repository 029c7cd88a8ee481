package io.spindle.runtime.rpc;

import java.security.SecureRandom;

/**
 * The per-application secret that executors prove they know when they connect to the driver.
 * The ApplicationMaster generates it and ships it to containers in their YARN credentials under
 * {@link #CREDENTIALS_ALIAS}; it never appears on a command line or in an environment variable.
 */
public final class RpcSecret {

    /** Alias of the secret key in the container's Hadoop {@code Credentials}. */
    public static final String CREDENTIALS_ALIAS = "spindle.rpc.secret";

    /** Length of a generated secret in bytes. */
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RpcSecret() {
    }

    /** 32 bytes from a {@link SecureRandom}. */
    public static byte[] generate() {
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static byte[] randomNonce() {
        byte[] nonce = new byte[RpcHandshake.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
