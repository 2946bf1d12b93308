package dev.skiff.ssh.server;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.transport.MessageHandler;
import dev.skiff.ssh.wire.SshMessages;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server transport's handler for messages 50 and up. Before authentication, user
 * authentication messages (50-79) are queued for the connection's handler thread, which runs
 * {@link ServerAuth} (the reader thread never runs policy code), and any connection protocol
 * message (80 and up) is a protocol error that ends the connection. After authentication,
 * messages 80 and up go to the {@link ConnectionService}; late authentication messages are
 * ignored (as sshd does).
 *
 * <p>Threads: {@link #handle} and {@link #closed} on the reader thread, never blocking;
 * {@link #nextAuthMessage} on the handler thread.
 */
final class ServerDispatcher implements MessageHandler {
    /** More unanswered authentication messages than this is a flood. */
    static final int MAX_QUEUED = 16;
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> authQueue = new ArrayBlockingQueue<>(MAX_QUEUED + 1);
    private final ConnectionService connection;
    private volatile boolean authenticated;

    ServerDispatcher(ConnectionService connection) {
        this.connection = connection;
    }

    @Override
    public void handle(int id, byte[] payload) throws IOException {
        if (id < SshMessages.GLOBAL_REQUEST) {
            if (authenticated) {
                return;
            }
            if (authQueue.size() >= MAX_QUEUED || !authQueue.offer(payload)) {
                throw new ProtocolException("too many unanswered authentication messages");
            }
            return;
        }
        if (!authenticated) {
            throw new ProtocolException(SshMessages.name(id) + " before user authentication");
        }
        connection.handle(id, payload);
    }

    @Override
    public void closed(Throwable cause) {
        authQueue.clear();
        authQueue.offer(CLOSED);
        connection.closed(cause);
    }

    /** From now on, connection messages go to the connection service. Call before sending SUCCESS. */
    void authenticated() {
        authenticated = true;
    }

    /**
     * The next authentication payload, waiting up to {@code nanos}; null on timeout.
     *
     * @throws java.io.EOFException when the transport has ended
     */
    byte[] nextAuthMessage(long nanos) throws InterruptedException, java.io.EOFException {
        byte[] p = authQueue.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        if (p == CLOSED) {
            authQueue.offer(CLOSED);
            throw new java.io.EOFException("connection closed during authentication");
        }
        return p;
    }
}
