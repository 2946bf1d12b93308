package dev.skiff.app.launch;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Bounded, time-limited line reading and writing on a socket channel (the single-instance
 * protocol). Puts the channel in non-blocking mode. A line is UTF-8 text ending in {@code '\n'}.
 */
final class LineChannel {

    private LineChannel() {
    }

    /**
     * Reads one line of at most {@code maxBytes} bytes (without the newline) within {@code timeoutMillis}.
     *
     * @throws IOException on timeout, on a line that is too long, or when the peer closes first
     */
    static String readLine(SocketChannel channel, int maxBytes, long timeoutMillis) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(maxBytes + 1);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                for (int i = 0; i < buffer.position(); i++) {
                    if (buffer.get(i) == '\n') {
                        return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
                    }
                }
                if (!buffer.hasRemaining()) {
                    throw new IOException("request line longer than " + maxBytes + " bytes");
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("no complete line within " + timeoutMillis + " ms");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (channel.read(buffer) < 0) {
                    throw new IOException("connection closed before the end of the line");
                }
            }
        }
    }

    /** Writes {@code line + '\n'} (small; the socket buffer takes it at once or within the timeout). */
    static void writeLine(SocketChannel channel, String line, long timeoutMillis) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (buffer.hasRemaining()) {
                    if (left <= 0) {
                        throw new SocketTimeoutException("peer did not read within " + timeoutMillis + " ms");
                    }
                    selector.select(left);
                    selector.selectedKeys().clear();
                }
            }
        }
    }
}
