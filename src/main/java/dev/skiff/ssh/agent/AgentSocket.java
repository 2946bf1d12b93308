package dev.skiff.ssh.agent;

import dev.skiff.ssh.AgentException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * One connection to an agent's Unix-domain socket, carrying one request/answer exchange at a time
 * with a deadline. The channel is non-blocking and every wait goes through a {@link Selector} with
 * the time left, so an agent that stops answering (or answers slowly, byte by byte) costs at most
 * the timeout. After any failure the stream may be out of step, so the socket closes itself and
 * later calls fail. Thread-safe: requests are serialized.
 */
final class AgentSocket implements AutoCloseable {
    private final Path path;
    private final long timeoutNanos;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    private AgentSocket(Path path, Duration timeout, SocketChannel channel, Selector selector) throws IOException {
        this.path = path;
        this.timeoutNanos = timeout.toNanos();
        this.channel = channel;
        this.selector = selector;
        this.key = channel.register(selector, 0);
    }

    /**
     * Connects to the socket at {@code path} (blocking for at most {@code timeout}).
     *
     * @throws AgentException if there is no agent there or it does not accept in time
     */
    static AgentSocket open(Path path, Duration timeout) throws AgentException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            selector = Selector.open();
            AgentSocket socket = new AgentSocket(path, timeout, channel, selector);
            if (!channel.connect(UnixDomainSocketAddress.of(path))) {
                long deadline = System.nanoTime() + socket.timeoutNanos;
                while (!channel.finishConnect()) {
                    socket.await(SelectionKey.OP_CONNECT, deadline, "connecting");
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(selector);
            closeQuietly(channel);
            if (e instanceof AgentException ae) {
                throw ae;
            }
            throw new AgentException("cannot connect to the SSH agent at " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends one framed request and returns the answer's payload (type byte first).
     *
     * @throws AgentException on I/O failure, end of stream, timeout, interruption, or an answer
     *         whose announced length is 0 or above {@link AgentFrames#MAX_MESSAGE_BYTES}; the
     *         socket is closed afterwards
     */
    synchronized byte[] request(byte[] payload) throws AgentException {
        if (!channel.isOpen()) {
            throw new AgentException("the connection to the SSH agent at " + path + " is closed");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        byte[] frame = AgentFrames.frame(payload);
        try {
            ByteBuffer out = ByteBuffer.wrap(frame);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(SelectionKey.OP_WRITE, deadline, "sending a request");
                }
            }
            ByteBuffer header = ByteBuffer.allocate(4);
            readFully(header, deadline, true);
            int length = AgentFrames.checkLength(AgentFrames.uint32(header.array()), "the SSH agent");
            ByteBuffer body = ByteBuffer.allocate(length);
            readFully(body, deadline, false);
            return body.array();
        } catch (AgentException e) {
            close();
            throw e;
        } catch (ClosedSelectorException | CancelledKeyException e) {
            close();
            throw new AgentException("the connection to the SSH agent at " + path + " was closed", e);
        } catch (IOException e) {
            close();
            throw new AgentException("I/O error talking to the SSH agent at " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(frame, (byte) 0);
        }
    }

    private void readFully(ByteBuffer buf, long deadline, boolean header) throws IOException {
        while (buf.hasRemaining()) {
            int n = channel.read(buf);
            if (n < 0) {
                throw new AgentException("the SSH agent closed the connection"
                        + (header && buf.position() == 0 ? " without answering" : " in the middle of an answer"));
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, deadline, "waiting for an answer");
            }
        }
    }

    private void await(int op, long deadline, String step) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AgentException("the SSH agent at " + path + " did not respond within "
                    + Duration.ofNanos(timeoutNanos).toMillis() + " ms (" + step + ")");
        }
        key.interestOps(op);
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        key.interestOps(0);
        if (Thread.currentThread().isInterrupted()) {
            throw new AgentException("interrupted while " + step + " (SSH agent)");
        }
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the connection; idempotent, never throws. */
    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing useful to do: the connection is being abandoned
            }
        }
    }
}
