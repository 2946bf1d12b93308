package dev.skiff.ssh.server;

import dev.skiff.ssh.ProtocolException;
import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.forward.TcpipOpenData;
import dev.skiff.ssh.wire.WireReader;
import dev.skiff.ssh.wire.WireWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote port forwarding, server side (RFC 4254 section 7.1, {@code ssh -R}): {@code tcpip-forward}
 * binds a listener (port 0: the system picks one and the reply carries it), each accepted
 * connection is offered to the client as a {@code forwarded-tcpip} channel; {@code
 * cancel-tcpip-forward} closes the listener. Binding runs on the reader thread (no blocking
 * beyond the bind call); accepting and pumping run on named daemon threads.
 */
final class RemoteForwards implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteForwards.class);

    private final ConnectionService connection;
    private final ConnectionContext context;
    private final Map<String, ServerSocket> listeners = new ConcurrentHashMap<>();

    RemoteForwards(ConnectionService connection, ConnectionContext context) {
        this.connection = connection;
        this.context = context;
    }

    /** tcpip-forward: string address to bind, uint32 port. Returns the reply data or null to refuse. */
    byte[] forward(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        String address = r.utf8();
        long port = r.uint32();
        r.expectEnd();
        if (port > 65535 || !context.policy().allowRemoteForward(context.user(), address, (int) port)) {
            return null;
        }
        ServerSocket ss;
        try {
            ss = new ServerSocket();
            ss.bind(new InetSocketAddress(bindAddress(address), (int) port), 64);
        } catch (IOException e) {
            LOG.debug("{}: cannot listen on {}:{}: {}", context.name(), address, port, e.toString());
            return null;
        }
        int bound = ss.getLocalPort();
        ServerSocket old = listeners.putIfAbsent(key(address, bound), ss);
        if (old != null) {
            Streams.closeQuietly(ss);
            return null;
        }
        context.threads().start(context.name() + "-rfwd-" + bound, () -> acceptLoop(ss, address, bound));
        return port == 0 ? new WireWriter().uint32(bound).toByteArray() : new byte[0];
    }

    /** cancel-tcpip-forward: string address, uint32 port. */
    byte[] cancel(byte[] data) throws ProtocolException {
        WireReader r = new WireReader(data);
        String address = r.utf8();
        long port = r.uint32();
        r.expectEnd();
        ServerSocket ss = listeners.remove(key(address, port));
        if (ss == null) {
            return null;
        }
        Streams.closeQuietly(ss);
        return new byte[0];
    }

    private static String key(String address, long port) {
        return address + "\0" + port;
    }

    /** OpenSSH's GatewayPorts=clientspecified reading: "" / "*" / "0.0.0.0" all interfaces, "localhost" loopback. */
    static InetAddress bindAddress(String address) throws IOException {
        if (address.isEmpty() || address.equals("*") || address.equals("0.0.0.0")) {
            return new InetSocketAddress(0).getAddress();
        }
        if (address.equals("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        return InetAddress.getByName(address);
    }

    private void acceptLoop(ServerSocket ss, String address, int port) {
        try {
            while (!ss.isClosed()) {
                Socket s = ss.accept();
                context.threads().start(context.name() + "-rfwd-" + port + "-" + s.getPort(), () -> serve(s, address, port));
            }
        } catch (IOException e) {
            LOG.debug("{}: forward listener {} ended: {}", context.name(), port, e.toString());
        } finally {
            Streams.closeQuietly(ss);
        }
    }

    private void serve(Socket s, String address, int port) {
        try {
            s.setTcpNoDelay(true);
            TcpipOpenData origin = new TcpipOpenData(address, port, s.getInetAddress().getHostAddress(), s.getPort());
            Channel ch = new Channel(connection, "forwarded-tcpip", connection.config().window(),
                    connection.config().maxPacket()) { };
            connection.open(ch, origin.encode());
            SocketBridge.run(s, ch, context.threads(), context.name() + "-rfwd-" + port + "-" + s.getPort());
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: forwarded connection to {} failed: {}", context.name(), port, e.toString());
            Streams.closeQuietly(s);
        }
    }

    @Override
    public void close() {
        listeners.values().forEach(Streams::closeQuietly);
        listeners.clear();
    }
}
