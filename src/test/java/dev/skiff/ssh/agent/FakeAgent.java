package dev.skiff.ssh.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving agent on a Unix socket: for the n-th accepted connection it reads one request
 * frame and answers with {@code replies.get(n)} verbatim (the last reply is reused), then either
 * closes the connection or holds it open without another byte until {@link #close()}.
 */
final class FakeAgent implements AutoCloseable {
    /** Raw bytes to send, and whether to close the connection afterwards. */
    record Reply(byte[] bytes, boolean closeAfter) {
        static Reply hold(byte[] bytes) {
            return new Reply(bytes, false);
        }

        static Reply thenClose(byte[] bytes) {
            return new Reply(bytes, true);
        }

        static Reply frame(byte[] payload) {
            return new Reply(AgentFrames.frame(payload), false);
        }
    }

    private final ServerSocketChannel server;
    private final Path socket;
    private final List<Reply> replies;
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private FakeAgent(Path socket, List<Reply> replies) throws IOException {
        this.socket = socket;
        this.replies = List.copyOf(replies);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "fake-agent");
        thread.setDaemon(true);
    }

    static FakeAgent start(Path dir, Reply... replies) throws IOException {
        FakeAgent agent = new FakeAgent(dir.resolve("fake-" + System.nanoTime() + ".sock"), List.of(replies));
        agent.thread.start();
        return agent;
    }

    Path socket() {
        return socket;
    }

    private void serve() {
        int n = 0;
        while (!closed) {
            try {
                SocketChannel ch = server.accept();
                open.add(ch);
                Reply reply = replies.get(Math.min(n++, replies.size() - 1));
                Thread t = new Thread(() -> answer(ch, reply), "fake-agent-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(SocketChannel ch, Reply reply) {
        try {
            while (ch.isOpen()) {
                ByteBuffer header = ByteBuffer.allocate(4);
                if (!readFully(ch, header)) {
                    return;
                }
                int len = header.getInt(0);
                if (!readFully(ch, ByteBuffer.allocate(len))) {
                    return;
                }
                ByteBuffer out = ByteBuffer.wrap(reply.bytes());
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                if (reply.closeAfter()) {
                    ch.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: fine
        }
    }

    private static boolean readFully(SocketChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (SocketChannel ch : open) {
            ch.close();
        }
    }
}
