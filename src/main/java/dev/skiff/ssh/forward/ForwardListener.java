package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.ConnectionService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local TCP listener whose connections are forwarded over channels of one SSH connection: the
 * common part of {@link LocalForward} ({@code -L}) and {@link DynamicForward} ({@code -D}).
 *
 * <p>Threads: one daemon accept thread {@code skiff-fwd-<kind><port>-accept}; per connection an
 * "up" thread that opens the channel and pumps socket to channel, and a "down" thread (see
 * {@link TcpipPump}). {@link #close()} stops the listener, aborts every connection and waits
 * (bounded) for all these threads. When the SSH connection ends the listener stops by itself.
 */
public abstract sealed class ForwardListener implements AutoCloseable permits LocalForward, DynamicForward {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardListener.class);
    /** Concurrent connections per listener; more are accepted and closed at once. */
    public static final int MAX_CONNECTIONS = 256;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    final ConnectionService connection;
    final PumpGroup group;
    private final ServerSocket server;

    ForwardListener(ConnectionService connection, String bindAddress, int port, String kind) throws SshException {
        this.connection = connection;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
        } catch (IOException e) {
            throw new ChannelException("cannot create a listening socket: " + e.getMessage(), e);
        }
        try {
            server.bind(new InetSocketAddress(listenAddress(bindAddress), port), 64);
        } catch (IOException e) {
            closeServer();
            throw new ChannelException("cannot listen on " + displayBind(bindAddress) + " port " + port + ": "
                    + e.getMessage(), e);
        }
        this.group = new PumpGroup("skiff-fwd-" + kind + server.getLocalPort(), MAX_CONNECTIONS);
    }

    /** Starts the accept thread; called by the factories once the subclass is fully constructed. */
    final void startAccepting() {
        group.start("accept", this::acceptLoop);
        connection.transport().closedFuture().whenComplete((cause, e) -> stopNow());
    }

    /** OpenSSH's client rule: none is loopback, {@code ""}/{@code *} all interfaces, else that address. */
    static InetAddress listenAddress(String bindAddress) throws SshException {
        if (bindAddress == null || bindAddress.equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        if (bindAddress.isEmpty() || bindAddress.equals("*")) {
            return null; // wildcard
        }
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new ChannelException("cannot resolve bind address " + bindAddress, e);
        }
    }

    private static String displayBind(String bindAddress) {
        return bindAddress == null ? "localhost" : bindAddress.isEmpty() ? "*" : bindAddress;
    }

    /** The local port accepting connections (the allocated one when 0 was asked for). */
    public int boundPort() {
        return server.getLocalPort();
    }

    /** The local address accepting connections. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections being forwarded right now. */
    public int activeConnections() {
        return group.size();
    }

    public boolean isOpen() {
        return !server.isClosed();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("{}: accept failed, listener stopped: {}", group.name(), e.toString());
                    stopNow();
                }
                return;
            }
            TcpipPump pump = new TcpipPump(s, group);
            if (!group.add(pump)) {
                pump.fail("refused: " + (group.isStopped() ? "listener stopped" : "too many connections"));
                continue;
            }
            try {
                s.setTcpNoDelay(true);
                group.start(pump.id() + "-up", () -> serve(pump));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                pump.fail("cannot serve: " + e);
            }
        }
    }

    /**
     * Serves one accepted connection on its own "up" thread: open a channel (blocking), then
     * {@link TcpipPump#run}; on failure {@link TcpipPump#fail}.
     */
    abstract void serve(TcpipPump pump);

    /** The originator fields of a direct-tcpip open for an accepted socket. */
    static TcpipOpenData target(Socket s, String host, int port) {
        return new TcpipOpenData(host, port, s.getInetAddress().getHostAddress(), s.getPort());
    }

    /** Stops accepting and aborts every connection. Any thread; does not block. */
    void stopNow() {
        closeServer();
        group.stop();
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
    }

    /** Stops the listener and all its connections, waiting (bounded) for their threads. Idempotent. */
    @Override
    public void close() {
        stopNow();
        group.join(JOIN_TIMEOUT);
    }
}
