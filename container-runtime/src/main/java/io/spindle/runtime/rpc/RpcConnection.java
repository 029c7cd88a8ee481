package io.spindle.runtime.rpc;

import io.spindle.runtime.serialization.JavaSerializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An authenticated connection carrying {@link RpcMessage}s in length-prefixed frames: a 4-byte
 * big-endian length, then that many bytes holding one Java-serialized message.
 *
 * <p>{@link #send} is thread-safe (whole frames never interleave). {@link #receive} is meant for a
 * single reader thread. Instances exist only after a successful handshake, so every frame read
 * comes from a peer that knows the application secret.
 */
public final class RpcConnection implements Closeable {

    /** Frames larger than this are refused on both sides: 512 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 512 << 20;

    private static final int BUFFER_BYTES = 64 << 10;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maxFrameBytes;
    private final String peer;
    private final ReentrantLock sendLock = new ReentrantLock();

    private RpcConnection(Socket socket, DataInputStream in, DataOutputStream out, int maxFrameBytes) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.maxFrameBytes = maxFrameBytes;
        SocketAddress remote = socket.getRemoteSocketAddress();
        this.peer = remote == null ? "unconnected socket" : remote.toString();
    }

    /** Client side: connects to {@code host:port} and authenticates with {@code secret}. */
    public static RpcConnection connect(String host, int port, byte[] secret, Duration timeout) throws IOException {
        return connect(host, port, secret, timeout, DEFAULT_MAX_FRAME_BYTES);
    }

    static RpcConnection connect(String host, int port, byte[] secret, Duration timeout, int maxFrameBytes)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
            socket.setSoTimeout(timeoutMillis(timeout));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES));
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES));
            RpcHandshake.authenticateToServer(in, out, secret);
            socket.setSoTimeout(0);
            return new RpcConnection(socket, in, out, maxFrameBytes);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Server side: authenticates a freshly accepted socket. On any failure the socket is closed
     * and the exception rethrown; nothing the peer sent has been deserialized.
     *
     * @param timeout how long the peer may take to answer the challenge
     */
    public static RpcConnection accept(Socket socket, byte[] secret, Duration timeout) throws IOException {
        return accept(socket, secret, timeout, DEFAULT_MAX_FRAME_BYTES);
    }

    static RpcConnection accept(Socket socket, byte[] secret, Duration timeout, int maxFrameBytes)
            throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis(timeout));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES));
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES));
            RpcHandshake.authenticateClient(in, out, secret);
            socket.setSoTimeout(0);
            return new RpcConnection(socket, in, out, maxFrameBytes);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Sends one message; safe to call from several threads.
     *
     * @throws RpcFrameTooLargeException when the serialized message exceeds the frame limit; the
     *     connection stays usable
     * @throws IOException when the connection is broken
     */
    public void send(RpcMessage message) throws IOException {
        byte[] frame;
        try {
            frame = JavaSerializer.serialize(message);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (frame.length > maxFrameBytes) {
            throw new RpcFrameTooLargeException("Cannot send " + message.getClass().getSimpleName() + " to " + peer
                    + ": it serializes to " + frame.length + " bytes, more than the RPC frame limit of "
                    + maxFrameBytes + " bytes. Make the task (and what it captures) or its result smaller.");
        }
        sendLock.lock();
        try {
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Blocks for the next message.
     *
     * @throws java.io.EOFException when the peer closed the connection
     * @throws RpcFrameTooLargeException when the peer announces a frame above the limit; the
     *     stream is then out of sync and the connection must be closed
     */
    public RpcMessage receive() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxFrameBytes) {
            throw new RpcFrameTooLargeException("Incoming RPC frame from " + peer + " announces " + length
                    + " bytes; the limit is " + maxFrameBytes + " bytes. Closing the connection.");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        Object message;
        try {
            message = JavaSerializer.deserialize(frame, RpcMessage.class.getClassLoader());
        } catch (UncheckedIOException e) {
            throw new IOException("Corrupt RPC frame from " + peer + ": " + e.getMessage(), e);
        }
        if (!(message instanceof RpcMessage rpcMessage)) {
            throw new IOException("RPC frame from " + peer + " holds a " + message.getClass().getName()
                    + ", not an RpcMessage");
        }
        return rpcMessage;
    }

    /**
     * Half-closes: the peer reads everything sent so far and then end of stream, while this side
     * can still read what the peer sends. Closing outright instead may reset the connection and
     * lose a last message still in flight.
     */
    public void shutdownOutput() {
        sendLock.lock();
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                out.flush();
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // already broken: the reader will see it
        } finally {
            sendLock.unlock();
        }
    }

    /** Bounds how long {@link #receive} blocks; zero blocks forever. */
    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(timeout.isZero() ? 0 : timeoutMillis(timeout));
    }

    public String peer() {
        return peer;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    /** Closes the socket; a thread blocked in {@link #receive} gets an exception. Idempotent. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public String toString() {
        return "RpcConnection[" + peer + "]";
    }
}
