package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.Channel;
import dev.skiff.ssh.connection.ConnectionService;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of agent forwarding (OpenSSH PROTOCOL 1.8): after {@code auth-agent-req@openssh.com}
 * the session's programs find a Unix socket in {@code SSH_AUTH_SOCK} (in a private 0700 directory);
 * each connection to it becomes an {@code auth-agent@openssh.com} channel opened back to the
 * client, whose agent answers. Runs on named server threads, never on the reader thread.
 */
final class AgentForwardListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentForwardListener.class);
    static final String CHANNEL_TYPE = "auth-agent@openssh.com";

    private final ConnectionService connection;
    private final ConnectionContext context;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final AtomicInteger count = new AtomicInteger();

    private AgentForwardListener(ConnectionService connection, ConnectionContext context, Path dir, Path socket,
            ServerSocketChannel server) {
        this.connection = connection;
        this.context = context;
        this.dir = dir;
        this.socket = socket;
        this.server = server;
    }

    static AgentForwardListener start(ConnectionService connection, ConnectionContext context) throws IOException {
        Path dir = Files.createTempDirectory("skiff-agent-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("agent.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(dir);
            throw e;
        }
        AgentForwardListener l = new AgentForwardListener(connection, context, dir, socket, server);
        context.threads().start(context.name() + "-agent-accept", l::acceptLoop);
        return l;
    }

    /** The value for SSH_AUTH_SOCK. */
    Path socket() {
        return socket;
    }

    private void acceptLoop() {
        try {
            while (server.isOpen()) {
                SocketChannel client = server.accept();
                int n = count.incrementAndGet();
                context.threads().start(context.name() + "-agent-" + n, () -> serve(client, n));
            }
        } catch (IOException e) {
            LOG.debug("{}: agent listener ended: {}", context.name(), e.toString());
        }
    }

    /**
     * Pumps one agent connection: socket reads and writes go straight to the SocketChannel (its
     * stream adapters would serialise a blocked read with the other direction's writes).
     */
    private void serve(SocketChannel client, int n) {
        Channel ch = new Channel(connection, CHANNEL_TYPE, connection.config().window(), connection.config().maxPacket()) { };
        try {
            connection.open(ch, new byte[0]);
            Thread down = context.threads().start(context.name() + "-agent-" + n + "-down", () -> toLocal(ch, client));
            ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
            int r;
            while ((r = client.read(buf)) > 0) {
                ch.write(buf.array(), 0, r, 0);
                buf.clear();
            }
            ch.sendEof();
            down.join(connection.config().requestTimeout().toMillis());
        } catch (IOException e) {
            LOG.debug("{}: agent channel failed: {}", context.name(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Streams.closeQuietly(client);
            ch.close();
        }
    }

    private static void toLocal(Channel ch, SocketChannel client) {
        byte[] b = new byte[16 * 1024];
        try (InputStream in = ch.inputStream()) {
            int r;
            while ((r = in.read(b)) > 0) {
                ByteBuffer out = ByteBuffer.wrap(b, 0, r);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
            client.shutdownOutput();
        } catch (IOException e) {
            Streams.closeQuietly(client);
        }
    }

    @Override
    public void close() {
        Streams.closeQuietly(server);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", dir, e.toString());
        }
    }
}
