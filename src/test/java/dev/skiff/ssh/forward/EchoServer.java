package dev.skiff.ssh.forward;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP echo server for forwarding tests: echoes every byte back; at EOF from the client
 * it closes the connection. At most {@link #MAX_CONNECTIONS} at once; daemon threads named
 * {@code test-echo-*}; {@link #close()} closes everything and joins.
 */
public final class EchoServer implements AutoCloseable {
    public static final int MAX_CONNECTIONS = 64;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    public EchoServer() throws IOException {
        this(0);
    }

    public EchoServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        start("accept", this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, "test-echo-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                if (sockets.size() >= MAX_CONNECTIONS) {
                    s.close();
                    continue;
                }
                sockets.add(s);
                start(String.valueOf(ids.incrementAndGet()), () -> echo(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // the client went away
        } finally {
            sockets.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : List.copyOf(sockets)) {
            s.close();
        }
        for (Thread t : List.copyOf(threads)) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
