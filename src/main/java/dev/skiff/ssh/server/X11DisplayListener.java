package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;
import dev.skiff.ssh.x11.X11Bridge;
import dev.skiff.ssh.x11.X11OpenData;
import dev.skiff.ssh.x11.X11Request;
import dev.skiff.ssh.x11.Xauth;
import java.io.IOException;
import dev.skiff.ssh.x11.X11Display;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of X11 forwarding (RFC 4254 section 6.3), as sshd does it with
 * {@code X11DisplayOffset 10} and {@code X11UseLocalhost yes}: after {@code x11-req} a TCP
 * listener on 127.0.0.1 port 6000+N for the first free N &ge; 10; the session gets
 * {@code DISPLAY=localhost:N.screen} and {@code XAUTHORITY} naming a private (0700 directory)
 * authority file in which {@link #recordCookie} stores the client's (fake) cookie with xauth. Each
 * connection to the listener becomes an {@code x11} channel opened back to the client; with the
 * single-connection flag the listener closes after the first. {@link #close} (session end)
 * closes the listener and removes the file.
 *
 * <p>Threads: {@link #start} binds on the reader thread (no blocking beyond bind);
 * {@link #recordCookie} runs xauth on the session thread; accepting and pumping run on named
 * server threads.
 */
final class X11DisplayListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X11DisplayListener.class);
    /** sshd's X11DisplayOffset default. */
    static final int DISPLAY_OFFSET = 10;
    /** sshd's MAX_DISPLAYS: display numbers tried. */
    static final int MAX_DISPLAYS = 1000;

    private final ConnectionService connection;
    private final ConnectionContext context;
    private final X11Request request;
    private final List<ServerSocketChannel> servers;
    private final int display;
    private final Path dir;
    private final Path authority;
    private final AtomicInteger count = new AtomicInteger();

    private X11DisplayListener(ConnectionService connection, ConnectionContext context, X11Request request,
            List<ServerSocketChannel> servers, int display, Path dir) {
        this.connection = connection;
        this.context = context;
        this.request = request;
        this.servers = servers;
        this.display = display;
        this.dir = dir;
        this.authority = dir.resolve("xauthority");
    }

    /** Binds the first free display and starts accepting. */
    static X11DisplayListener start(ConnectionService connection, ConnectionContext context, X11Request request)
            throws IOException {
        Path dir = Files.createTempDirectory("skiff-x11-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (int n = DISPLAY_OFFSET; n < DISPLAY_OFFSET + MAX_DISPLAYS; n++) {
            List<ServerSocketChannel> bound = bindLoopback(X11Display.BASE_PORT + n);
            if (bound.isEmpty()) {
                continue;
            }
            X11DisplayListener l = new X11DisplayListener(connection, context, request, bound, n, dir);
            for (ServerSocketChannel ss : bound) {
                context.threads().start(context.name() + "-x11-" + n, () -> l.acceptLoop(ss));
            }
            return l;
        }
        Files.deleteIfExists(dir);
        throw new IOException("no free X11 display number between " + DISPLAY_OFFSET + " and "
                + (DISPLAY_OFFSET + MAX_DISPLAYS - 1));
    }

    /**
     * Binds {@code port} on 127.0.0.1 and, where the host has IPv6, on ::1 (X clients may resolve
     * "localhost" to either); empty when the port is taken on either address.
     */
    private static List<ServerSocketChannel> bindLoopback(int port) throws IOException {
        List<ServerSocketChannel> out = new ArrayList<>();
        for (String address : List.of("127.0.0.1", "::1")) {
            ServerSocketChannel ss = ServerSocketChannel.open();
            try {
                ss.bind(new InetSocketAddress(InetAddress.getByName(address), port), 16);
                out.add(ss);
            } catch (BindException e) {
                ss.close();
                if (address.equals("127.0.0.1") || e.getMessage() == null || e.getMessage().contains("in use")) {
                    out.forEach(Streams::closeQuietly);
                    return List.of();
                }
                // no IPv6 loopback on this host: IPv4 alone is fine
            } catch (IOException | RuntimeException e) {
                ss.close();
                if (address.equals("127.0.0.1")) {
                    return List.of();
                }
            }
        }
        return out;
    }

    /** The display number N (port 6000+N). */
    int display() {
        return display;
    }

    /** Puts DISPLAY and XAUTHORITY into the session's environment. */
    void exportTo(Map<String, String> env) {
        env.put("DISPLAY", "localhost:" + display + "." + request.screen());
        env.put("XAUTHORITY", authority.toString());
    }

    /**
     * Records the client's cookie for {@code unix:N.screen} (Xlib looks loopback TCP displays up
     * under the local host name, as sshd's X11UseLocalhost does) in the session's authority file.
     * A missing xauth only logs a warning: forwarding goes on, and X clients fail to authenticate.
     */
    void recordCookie(Path xauthLocation) {
        Xauth xauth = new Xauth(xauthLocation, authority);
        if (!xauth.available()) {
            LOG.warn("{}: no xauth program at {}; X11 forwarding without a recorded cookie", context.name(), xauthLocation);
            return;
        }
        try {
            xauth.add("unix:" + display + "." + request.screen(), request.authProtocol(), request.authCookieHex());
        } catch (IOException e) {
            LOG.warn("{}: xauth failed, X11 forwarding without a recorded cookie: {}", context.name(), e.getMessage());
        }
    }

    private void acceptLoop(ServerSocketChannel server) {
        try {
            while (server.isOpen()) {
                SocketChannel client = server.accept();
                int n = count.incrementAndGet();
                if (request.singleConnection()) {
                    servers.forEach(Streams::closeQuietly);
                    if (n > 1) {
                        Streams.closeQuietly(client); // the other address won the race
                        return;
                    }
                }
                context.threads().start(context.name() + "-x11-" + display + "-" + n, () -> serve(client, n));
            }
        } catch (IOException e) {
            LOG.debug("{}: X11 listener {} ended: {}", context.name(), display, e.toString());
        }
    }

    private void serve(SocketChannel client, int n) {
        try {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress from = (InetSocketAddress) client.getRemoteAddress();
            Channel ch = new Channel(connection, X11OpenData.CHANNEL_TYPE, connection.config().window(),
                    connection.config().maxPacket()) { };
            connection.open(ch, new X11OpenData(from.getAddress().getHostAddress(), from.getPort()).encode());
            X11Bridge.run(ch, client, context.threads()::start, context.name() + "-x11-" + display + "-" + n);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: X11 connection to display {} failed: {}", context.name(), display, e.toString());
            Streams.closeQuietly(client);
        }
    }

    @Override
    public void close() {
        servers.forEach(Streams::closeQuietly);
        try {
            Files.deleteIfExists(authority);
            Files.deleteIfExists(dir.resolve("xauthority-c")); // xauth's lock files, if left behind
            Files.deleteIfExists(dir.resolve("xauthority-l"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", dir, e.toString());
        }
    }
}
