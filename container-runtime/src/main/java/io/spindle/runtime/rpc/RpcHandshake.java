package io.spindle.runtime.rpc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenge-response authentication that runs on a fresh connection before any message is read.
 *
 * <pre>
 *   server -> client   nonce (32 random bytes)
 *   client -> server   protocol version (int), HMAC-SHA256(secret, nonce || version as 4 big-endian bytes)
 *   server -> client   OK (one byte), or the server closes the connection
 * </pre>
 *
 * <p>The secret itself never crosses the wire, and a fresh nonce per connection makes a recorded
 * answer useless. The server compares MACs in constant time. Nothing is deserialized before this
 * exchange succeeds, so an unauthenticated peer cannot reach {@code ObjectInputStream}.
 */
public final class RpcHandshake {

    /** Bumped on any incompatible change to the handshake, framing or message classes. */
    public static final int PROTOCOL_VERSION = 1;

    static final int NONCE_LENGTH = 32;
    static final int MAC_LENGTH = 32;
    static final int OK = 0x5A;
    private static final String ALGORITHM = "HmacSHA256";

    private RpcHandshake() {
    }

    /**
     * Server side: challenges the client and returns normally only if it answered correctly.
     *
     * @throws RpcAuthenticationException on a wrong answer or protocol version; the caller must close
     */
    public static void authenticateClient(DataInputStream in, DataOutputStream out, byte[] secret)
            throws IOException {
        byte[] nonce = RpcSecret.randomNonce();
        out.write(nonce);
        out.flush();
        int version;
        byte[] answer = new byte[MAC_LENGTH];
        try {
            version = in.readInt();
            in.readFully(answer);
        } catch (EOFException e) {
            throw new RpcAuthenticationException("client closed the connection during the handshake");
        }
        if (version != PROTOCOL_VERSION) {
            throw new RpcAuthenticationException("client speaks RPC protocol version " + version
                    + ", this driver speaks " + PROTOCOL_VERSION + " (mismatched Spindle versions?)");
        }
        if (!MessageDigest.isEqual(answer, mac(secret, nonce, PROTOCOL_VERSION))) {
            throw new RpcAuthenticationException("client did not prove knowledge of the application secret");
        }
        out.write(OK);
        out.flush();
    }

    /**
     * Client side: answers the server's challenge.
     *
     * @throws RpcAuthenticationException when the server rejects the answer (wrong secret or version)
     */
    public static void authenticateToServer(DataInputStream in, DataOutputStream out, byte[] secret)
            throws IOException {
        byte[] nonce = new byte[NONCE_LENGTH];
        try {
            in.readFully(nonce);
        } catch (EOFException e) {
            throw new RpcAuthenticationException("server closed the connection before sending its challenge");
        }
        out.writeInt(PROTOCOL_VERSION);
        out.write(mac(secret, nonce, PROTOCOL_VERSION));
        out.flush();
        int reply;
        try {
            reply = in.read();
        } catch (IOException e) {
            // A reset instead of a clean close is how some stacks report the server's rejection.
            throw rejected();
        }
        if (reply != OK) {
            throw rejected();
        }
    }

    private static RpcAuthenticationException rejected() {
        return new RpcAuthenticationException("the driver rejected this connection: wrong application secret "
                + "or RPC protocol version (this side speaks " + PROTOCOL_VERSION + ")");
    }

    static byte[] mac(byte[] secret, byte[] nonce, int version) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(nonce);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(version).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
