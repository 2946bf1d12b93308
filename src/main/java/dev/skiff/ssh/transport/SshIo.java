package dev.skiff.ssh.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The byte pipe under a transport: a TCP socket, an in-memory pipe, a channel of another
 * connection (ProxyJump) or a process's stdio (ProxyCommand). {@link #close()} must unblock a
 * reader blocked in {@code in().read()}.
 */
public interface SshIo extends AutoCloseable {
    InputStream in();

    OutputStream out();

    /** A short description of the peer for messages and thread names, e.g. {@code 127.0.0.1:22}. */
    String peer();

    @Override
    void close();

    /** Wraps a connected socket (TCP_NODELAY set; see DESIGN.md section 4). */
    static SshIo of(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 8 * 1024);
        OutputStream out = socket.getOutputStream();
        String peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        return new SshIo() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public String peer() {
                return peer;
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing: nothing more to do
                }
            }
        };
    }
}
