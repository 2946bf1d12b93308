package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.TransportException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ChannelMessage;
import dev.skiff.ssh.connection.ConnectionService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote forward ({@code ssh -R [bind_address:]port:host:hostport}, RFC 4254 section 7.1):
 * the server listens on {@link #boundPort()}; each connection arrives as a {@code forwarded-tcpip}
 * channel and is connected here to {@code host:hostport}.
 *
 * <p>Threads: the channel is accepted and confirmed on the transport's reader thread, which only
 * starts a daemon thread {@code skiff-fwd-R<port>-<n>-up}; that thread connects to the local
 * target (a failed connect closes the channel, logged) and pumps (see {@link TcpipPump}).
 * {@link #close()} cancels the forward, closes its connections and waits (bounded) for their threads.
 */
public final class RemoteForward implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteForward.class);
    /** Concurrent connections per forward; more are refused with "resource shortage". */
    public static final int MAX_CONNECTIONS = 256;
    /** Timeout for connecting to the local target. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final RemoteForwarding owner;
    private final ConnectionService connection;
    private final String bindAddress;
    private final int boundPort;
    private final String host;
    private final int hostPort;
    private final PumpGroup group;
    private volatile boolean closed;

    RemoteForward(RemoteForwarding owner, ConnectionService connection, String bindAddress, int boundPort, String host,
            int hostPort) {
        this.owner = owner;
        this.connection = connection;
        this.bindAddress = bindAddress;
        this.boundPort = boundPort;
        this.host = host;
        this.hostPort = hostPort;
        this.group = new PumpGroup("skiff-fwd-R" + boundPort, MAX_CONNECTIONS);
        connection.transport().closedFuture().whenComplete((cause, e) -> group.stop());
    }

    /** The port the server listens on (allocated by the server when 0 was asked for). */
    public int boundPort() {
        return boundPort;
    }

    /** The bind address as sent to the server ({@code localhost}, {@code ""} for all, or an address). */
    public String bindAddress() {
        return bindAddress;
    }

    /** False once closed (or cancelled). */
    public boolean isOpen() {
        return !closed && connection.transport().isOpen();
    }

    /** Connections being forwarded right now. */
    public int activeConnections() {
        return group.size();
    }

    /** Reader thread: accepts and confirms the channel, hands the local connect to a new thread. */
    Channel accept(ChannelMessage.Open open, TcpipOpenData data) throws ChannelOpenFailedException {
        TcpipPump pump = new TcpipPump(new Socket(), group);
        if (closed || !group.add(pump)) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.RESOURCE_SHORTAGE,
                    closed ? "forwarding cancelled" : "too many connections");
        }
        TcpipChannel channel;
        try {
            channel = new TcpipChannel(connection, TcpipChannel.FORWARDED);
        } catch (IllegalStateException e) {
            group.remove(pump);
            throw new ChannelOpenFailedException(ChannelOpenFailedException.RESOURCE_SHORTAGE, "too many channels");
        }
        try {
            // confirmed here, before the worker may write: data must not precede the confirmation
            connection.confirm(channel, open);
        } catch (TransportException e) {
            group.remove(pump);
            throw new ChannelOpenFailedException(ChannelOpenFailedException.CONNECT_FAILED, "connection closing");
        }
        LOG.debug("{}: connection from {}:{}", pump.label(), data.originatorAddress(), data.originatorPort());
        group.start(pump.id() + "-up", () -> connectAndRun(pump, channel));
        return channel;
    }

    private void connectAndRun(TcpipPump pump, TcpipChannel channel) {
        Socket s = pump.socket();
        try {
            s.connect(new InetSocketAddress(host, hostPort), (int) CONNECT_TIMEOUT.toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException | RuntimeException e) {
            pump.fail("connect to " + ForwardSpec.bracket(host) + " port " + hostPort + " failed: " + e.getMessage());
            channel.close();
            return;
        }
        pump.run(channel);
    }

    /**
     * Cancels the forward ({@code cancel-tcpip-forward}, waits for the reply up to the request
     * timeout), closes its connections and waits for their threads. Idempotent; blocks.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!owner.cancel(this, connection.transport().isOpen())) {
                LOG.info("server refused to cancel remote forward of port {}", boundPort);
            }
        } catch (SshException e) {
            LOG.debug("cancel-tcpip-forward for port {}: {}", boundPort, e.toString());
        }
        group.stop();
        group.join(JOIN_TIMEOUT);
    }

    @Override
    public String toString() {
        return "RemoteForward[" + ForwardSpec.bracket(bindAddress.isEmpty() ? "*" : bindAddress) + ":" + boundPort
                + " -> " + ForwardSpec.bracket(host) + ":" + hostPort + "]";
    }
}
