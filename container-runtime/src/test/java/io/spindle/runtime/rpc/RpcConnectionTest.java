package io.spindle.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.conf.SpindleConf;
import io.spindle.exec.TaskFailure;
import io.spindle.runtime.serialization.JavaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcConnectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicBoolean TRIPWIRE_DESERIALIZED = new AtomicBoolean();

    private final byte[] secret = RpcSecret.generate();
    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private CompletableFuture<RpcConnection> acceptAsync(int maxFrameBytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RpcConnection.accept(server.accept(), secret, TIMEOUT, maxFrameBytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private RpcConnection connect(byte[] clientSecret, int maxFrameBytes) throws IOException {
        return RpcConnection.connect("127.0.0.1", server.getLocalPort(), clientSecret, TIMEOUT, maxFrameBytes);
    }

    @Test
    void messagesRoundTripAfterHandshakeWithTheRightSecret() throws Exception {
        CompletableFuture<RpcConnection> accepted = acceptAsync(RpcConnection.DEFAULT_MAX_FRAME_BYTES);
        try (RpcConnection client = connect(secret, RpcConnection.DEFAULT_MAX_FRAME_BYTES);
                RpcConnection driver = accepted.get(10, TimeUnit.SECONDS)) {
            client.send(new RpcMessage.RegisterExecutor("7", "host-a", 3, "container_01", 1234L));
            client.send(new RpcMessage.Heartbeat("7", new long[] {4, 5}));
            client.send(new RpcMessage.TaskFailed(9, new TaskFailure("java.lang.IllegalStateException", "boom", "t")));
            SpindleConf conf = SpindleConf.defaults().with("spindle.app.name", "round-trip");
            driver.send(new RpcMessage.Registered(conf, "app-1"));
            driver.send(new RpcMessage.LaunchTask(11, 2, 3, 1, new byte[] {1, 2, 3}));

            assertThat(driver.receive()).isEqualTo(new RpcMessage.RegisterExecutor("7", "host-a", 3, "container_01", 1234L));
            RpcMessage.Heartbeat heartbeat = (RpcMessage.Heartbeat) driver.receive();
            assertThat(heartbeat.executorId()).isEqualTo("7");
            assertThat(heartbeat.runningTaskIds()).containsExactly(4, 5);
            RpcMessage.TaskFailed failed = (RpcMessage.TaskFailed) driver.receive();
            assertThat(failed.failure().summary()).isEqualTo("java.lang.IllegalStateException: boom");

            assertThat(client.receive()).isEqualTo(new RpcMessage.Registered(conf, "app-1"));
            RpcMessage.LaunchTask launch = (RpcMessage.LaunchTask) client.receive();
            assertThat(launch.taskId()).isEqualTo(11);
            assertThat(launch.attempt()).isEqualTo(1);
            assertThat(launch.serializedTask()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void wrongSecretIsRejectedOnBothSides() {
        CompletableFuture<RpcConnection> accepted = acceptAsync(RpcConnection.DEFAULT_MAX_FRAME_BYTES);

        assertThatThrownBy(() -> connect(RpcSecret.generate(), RpcConnection.DEFAULT_MAX_FRAME_BYTES))
                .isInstanceOf(RpcAuthenticationException.class)
                .hasMessageContaining("rejected");
        assertThatThrownBy(() -> accepted.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(RpcAuthenticationException.class)
                .hasRootCauseMessage("client did not prove knowledge of the application secret");
    }

    /** An unauthenticated peer's bytes must never reach ObjectInputStream on the server. */
    @Test
    void serverNeverDeserializesWhatAnUnauthenticatedClientSends() throws Exception {
        TRIPWIRE_DESERIALIZED.set(false);
        CompletableFuture<RpcConnection> accepted = acceptAsync(RpcConnection.DEFAULT_MAX_FRAME_BYTES);
        try (Socket attacker = new Socket("127.0.0.1", server.getLocalPort())) {
            DataInputStream in = new DataInputStream(attacker.getInputStream());
            DataOutputStream out = new DataOutputStream(attacker.getOutputStream());
            in.readFully(new byte[RpcHandshake.NONCE_LENGTH]);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream answer = new DataOutputStream(bytes);
            answer.writeInt(RpcHandshake.PROTOCOL_VERSION);
            answer.write(new byte[RpcHandshake.MAC_LENGTH]);
            byte[] payload = JavaSerializer.serialize(new Tripwire());
            answer.writeInt(payload.length);
            answer.write(payload);
            try {
                out.write(bytes.toByteArray());
                out.flush();
            } catch (IOException e) {
                // the server may already have hung up: that is the point
            }

            assertThatThrownBy(() -> accepted.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(RpcAuthenticationException.class);
            assertThat(readOrReset(in)).as("server closes instead of answering OK").isEqualTo(-1);
        }
        assertThat(TRIPWIRE_DESERIALIZED).isFalse();
    }

    @Test
    void mismatchedProtocolVersionIsRejected() throws Exception {
        CompletableFuture<RpcConnection> accepted = acceptAsync(RpcConnection.DEFAULT_MAX_FRAME_BYTES);
        try (Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            byte[] nonce = new byte[RpcHandshake.NONCE_LENGTH];
            in.readFully(nonce);
            int otherVersion = RpcHandshake.PROTOCOL_VERSION + 1;
            out.writeInt(otherVersion);
            out.write(RpcHandshake.mac(secret, nonce, otherVersion));
            out.flush();

            assertThatThrownBy(() -> accepted.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(RpcAuthenticationException.class)
                    .rootCause().hasMessageContaining("protocol version " + otherVersion);
        }
    }

    @Test
    void oversizeFramesAreRefusedWithAClearErrorOnSendAndReceive() throws Exception {
        int limit = 4096;
        CompletableFuture<RpcConnection> accepted = acceptAsync(limit);
        try (RpcConnection client = connect(secret, limit);
                RpcConnection driver = accepted.get(10, TimeUnit.SECONDS)) {
            RpcMessage.TaskFinished big = new RpcMessage.TaskFinished(1, new byte[limit], 5);
            assertThatThrownBy(() -> client.send(big))
                    .isInstanceOf(RpcFrameTooLargeException.class)
                    .hasMessageContaining("Cannot send TaskFinished")
                    .hasMessageContaining("more than the RPC frame limit of 4096 bytes");

            // The refused send left the stream intact.
            client.send(new RpcMessage.Shutdown("still usable"));
            assertThat(driver.receive()).isEqualTo(new RpcMessage.Shutdown("still usable"));
        }
    }

    @Test
    void incomingFrameAboveTheLimitIsRefusedBeforeAllocating() throws Exception {
        CompletableFuture<RpcConnection> accepted = acceptAsync(4096);
        try (Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            RpcHandshake.authenticateToServer(in, out, secret);
            out.writeInt(1 << 30);
            out.flush();
            try (RpcConnection driver = accepted.get(10, TimeUnit.SECONDS)) {
                assertThatThrownBy(driver::receive)
                        .isInstanceOf(RpcFrameTooLargeException.class)
                        .hasMessageContaining("announces 1073741824 bytes; the limit is 4096 bytes");
            }
        }
    }

    /** -1 at end of stream; a reset (the server closed with our bytes unread) counts as the end too. */
    private static int readOrReset(DataInputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Records that it was deserialized. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            TRIPWIRE_DESERIALIZED.set(true);
        }
    }
}
