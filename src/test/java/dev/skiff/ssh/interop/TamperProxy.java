package dev.skiff.ssh.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-connection TCP proxy on loopback (OpenSSH regress "integrity" idea): once armed, it flips
 * one bit of the server-to-client stream a given number of bytes later.
 */
final class TamperProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicLong flipAt = new AtomicLong(-1);
    private volatile long downstreamBytes;
    private volatile boolean blackhole;
    private volatile Socket client;
    private volatile Socket server;

    TamperProxy(String host, int port) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                client = listener.accept();
                server = new Socket(host, port);
                pump(client.getInputStream(), server.getOutputStream(), false);
                pump(server.getInputStream(), client.getOutputStream(), true);
            } catch (IOException ignored) {
                // closed
            }
        }, "tamper-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Flips a bit {@code offset} bytes after what the server has sent so far. */
    void armDownstream(long offset) {
        flipAt.set(downstreamBytes + offset);
    }

    /** From now on the server's bytes are swallowed: the server seems to stop responding. */
    void blackholeDownstream() {
        blackhole = true;
    }

    private void pump(InputStream in, OutputStream out, boolean downstream) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (downstream) {
                        long start = downstreamBytes;
                        long at = flipAt.get();
                        if (at >= start && at < start + n) {
                            buf[(int) (at - start)] ^= 0x10;
                        }
                        downstreamBytes = start + n;
                    }
                    if (downstream && blackhole) {
                        continue;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            }
            close();
        }, "tamper-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {listener, client, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing
            }
        }
    }
}
