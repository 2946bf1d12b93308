package dev.skiff.ssh.x11;

import dev.skiff.ssh.connection.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes between an {@code x11} channel and a socket (TCP or Unix), one thread per
 * direction, with half-close: socket EOF sends channel EOF, channel EOF shuts the socket's output
 * down. When both directions ended (or either failed) the channel and the socket are closed. Used
 * by both ends of X11 forwarding. The socket is read and written through the SocketChannel itself
 * (its stream adapters would serialise a blocked read with writes in the other direction).
 */
public final class X11Bridge {
    private static final Logger LOG = LoggerFactory.getLogger(X11Bridge.class);
    private static final int BUFFER = 32 * 1024;

    private X11Bridge() {
    }

    /**
     * Runs on the calling thread (socket to channel) plus one thread from {@code starter}
     * (name, body) for channel to socket; blocks until both ended.
     */
    public static void run(Channel channel, SocketChannel socket, BiFunction<String, Runnable, Thread> starter, String name) {
        channel.closedFuture().whenComplete((v, e) -> closeQuietly(socket));
        Thread down = starter.apply(name + "-down", () -> toSocket(channel, socket));
        try {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            int r;
            while ((r = socket.read(buf)) >= 0) {
                if (r > 0) {
                    channel.write(buf.array(), 0, r, 0);
                }
                buf.clear();
            }
            channel.sendEof();
            down.join();
        } catch (IOException e) {
            LOG.debug("{}: socket to channel ended: {}", name, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.close();
            closeQuietly(socket);
            closeQuietly(channel.inputStream());
        }
    }

    private static void toSocket(Channel channel, SocketChannel socket) {
        byte[] b = new byte[BUFFER];
        try {
            InputStream in = channel.inputStream();
            int r;
            while ((r = in.read(b)) >= 0) {
                ByteBuffer out = ByteBuffer.wrap(b, 0, r);
                while (out.hasRemaining()) {
                    socket.write(out);
                }
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    /** Writes {@code bytes} to the socket in full (the rewritten connection setup). */
    public static void writeFully(SocketChannel socket, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            socket.write(out);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
