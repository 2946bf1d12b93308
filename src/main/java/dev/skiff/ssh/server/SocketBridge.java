package dev.skiff.ssh.server;

import dev.skiff.ssh.connection.Channel;
import java.io.IOException;
import java.net.Socket;

/**
 * Copies bytes between a TCP socket and a forwarding channel (RFC 4254 section 7), one thread per
 * direction, with half-close: socket EOF sends channel EOF, channel EOF shuts the socket's output
 * down. When both directions are done, the channel and the socket are closed.
 */
final class SocketBridge {
    private SocketBridge() {
    }

    /** Runs on the calling thread (socket to channel) plus one started thread; blocks until done. */
    static void run(Socket socket, Channel channel, ServerThreads threads, String name) {
        channel.closedFuture().whenComplete((v, e) -> Streams.closeQuietly(socket));
        Thread down = threads.start(name + "-down", () -> {
            try {
                if (Streams.copy(channel.inputStream(), socket.getOutputStream(), false)) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                Streams.closeQuietly(socket);
            }
        });
        try {
            boolean clean = Streams.copy(socket.getInputStream(), Streams.channelOut(channel, 0), false);
            if (clean) {
                channel.sendEof();
            } else {
                Streams.closeQuietly(channel.inputStream()); // stop the other direction too
            }
            down.join();
        } catch (IOException e) {
            // socket or channel failed: close both below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.close();
            Streams.closeQuietly(socket);
            Streams.closeQuietly(channel.inputStream());
        }
    }
}
