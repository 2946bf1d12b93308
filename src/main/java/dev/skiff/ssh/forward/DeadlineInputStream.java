package dev.skiff.ssh.forward;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with one deadline for a whole exchange (the SOCKS handshake): before each read
 * the socket's read timeout is set to the time left, so a client trickling bytes cannot hold a
 * connection longer than the deadline.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final long deadlineNanos;

    DeadlineInputStream(Socket socket, long timeoutMillis) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    }

    private void arm() throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("handshake deadline passed");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }
}
