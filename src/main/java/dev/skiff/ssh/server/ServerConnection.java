package dev.skiff.ssh.server;

import dev.skiff.ssh.ChannelOpenFailedException;
import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ChannelMessage;
import dev.skiff.ssh.connection.ConnectionConfig;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.forward.TcpipOpenData;
import dev.skiff.ssh.transport.PacketCodec;
import dev.skiff.ssh.transport.SshIo;
import dev.skiff.ssh.transport.Transport;
import dev.skiff.ssh.transport.msg.GlobalRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection, run on its handler thread {@code skiff-server-conn-N}: starts the
 * transport (with the pre-auth packet cap and the LoginGraceTime timer), runs {@link ServerAuth},
 * then serves the connection protocol (session, direct-tcpip, tcpip-forward) until the transport
 * ends, and cleans up (listeners, programs).
 */
final class ServerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

    private final SshServer server;
    private final String name;
    private final Transport transport;
    private final ConnectionService connection;
    private final ServerDispatcher dispatcher;
    private final ServerPolicy policy;
    private final String sshConnection;
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile ConnectionContext context;
    private volatile RemoteForwards forwards;

    ServerConnection(SshServer server, Socket socket, String name) throws IOException {
        this.server = server;
        this.name = name;
        this.policy = server.policyFor((InetSocketAddress) socket.getRemoteSocketAddress());
        this.sshConnection = socket.getInetAddress().getHostAddress() + " " + socket.getPort() + " "
                + socket.getLocalAddress().getHostAddress() + " " + socket.getLocalPort();
        this.transport = Transport.server(SshIo.of(socket), server.transportConfig(), server.hostKeys());
        transport.setAcceptedServices(List.of("ssh-userauth"));
        transport.setInboundPacketLimit(server.limits().preAuthMaxPacket());
        this.connection = new ConnectionService(transport, ConnectionConfig.defaults(server.transportConfig().requestTimeout()));
        this.dispatcher = new ServerDispatcher(connection);
        transport.setMessageHandler(dispatcher);
        transport.setGlobalRequestHandler(this::globalRequest);
    }

    ServerPolicy policy() {
        return policy;
    }

    Transport transport() {
        return transport;
    }

    /** The handler thread's body. */
    void run() {
        ServerLimits limits = server.limits();
        long deadline = System.nanoTime() + limits.loginGraceTime().toNanos();
        ScheduledFuture<?> grace = server.timer().schedule(() -> {
            if (context == null) {
                transport.disconnect(DisconnectReason.PROTOCOL_ERROR, "Login grace time exceeded");
            }
        }, limits.loginGraceTime().toMillis(), TimeUnit.MILLISECONDS);
        String user;
        try {
            transport.start();
            user = new ServerAuth(transport, policy, limits, dispatcher, this::authenticated).run(deadline);
        } catch (SshException e) {
            LOG.debug("{}: not authenticated: {}", name, e.getMessage());
            transport.close();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.close();
            return;
        } finally {
            grace.cancel(false);
            server.leftPreAuth(this);
        }
        LOG.debug("{}: {} authenticated", name, user);
        try {
            transport.closedFuture().join();
        } finally {
            forwards.close();
        }
    }

    /** Before USERAUTH_SUCCESS goes out: channels and forwards are ready when the client's first request arrives. */
    private void authenticated(String user) {
        transport.setInboundPacketLimit(PacketCodec.MAX_PACKET);
        ConnectionContext ctx = new ConnectionContext(name, user, transport.peer(), sshConnection, policy, server.subsystems(),
                server.threads(), server.limits());
        forwards = new RemoteForwards(connection, ctx);
        connection.onChannelOpen("session", this::openSession);
        connection.onChannelOpen("direct-tcpip", this::openDirect);
        context = ctx;
    }

    private byte[] globalRequest(GlobalRequest r) {
        ConnectionContext ctx = context;
        if (ctx == null) {
            transport.disconnect(DisconnectReason.PROTOCOL_ERROR, "global request before user authentication");
            return null;
        }
        try {
            return switch (r.name()) {
                case "tcpip-forward" -> forwards.forward(r.data());
                case "cancel-tcpip-forward" -> forwards.cancel(r.data());
                default -> ctx.policy().globalRequest(ctx.user(), r.name(), r.data());
            };
        } catch (ProtocolException e) {
            transport.disconnect(DisconnectReason.PROTOCOL_ERROR, e.getMessage());
            return null;
        }
    }

    private Channel openSession(ConnectionService cs, ChannelMessage.Open open) throws SshException {
        ConnectionContext ctx = context;
        if (open.data().length != 0) {
            throw new ProtocolException("session channel open with extra data");
        }
        if (!ctx.policy().allowSession(ctx.user())) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED, "sessions not allowed");
        }
        if (sessions.incrementAndGet() > ctx.limits().maxSessions()) {
            sessions.decrementAndGet();
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED, "too many sessions");
        }
        ServerSession s = new ServerSession(cs, ctx);
        s.closedFuture().whenComplete((v, e) -> sessions.decrementAndGet());
        cs.confirm(s, open);
        return s;
    }

    private Channel openDirect(ConnectionService cs, ChannelMessage.Open open) throws SshException {
        ConnectionContext ctx = context;
        TcpipOpenData target = TcpipOpenData.decode(open.data());
        if (!ctx.policy().allowDirectTcpip(ctx.user(), target.host(), target.port(), target.originatorAddress())) {
            throw new ChannelOpenFailedException(ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED, "forwarding not allowed");
        }
        Channel ch = new Channel(cs, "direct-tcpip", cs.config().window(), cs.config().maxPacket()) { };
        cs.confirm(ch, open);
        String label = name + "-direct-" + ch.localId();
        ctx.threads().start(label, () -> {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
            } catch (IOException e) {
                LOG.debug("{}: connect to {}:{} failed: {}", label, target.host(), target.port(), e.toString());
                Streams.closeQuietly(s);
                ch.close();
                return;
            }
            SocketBridge.run(s, ch, ctx.threads(), label);
        });
        return ch;
    }

    /** Ends the connection (server shutdown). */
    void close() {
        transport.disconnect(DisconnectReason.BY_APPLICATION, "server shutting down");
    }
}
