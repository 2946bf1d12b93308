package dev.skiff.app.launch;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Skiff window per user: the running app listens on a Unix-domain socket in a private
 * directory ({@link SocketLocation}); a second launcher with something to open hands it over and
 * exits. No network port is opened.
 *
 * <p>Protocol, one exchange per connection, UTF-8 lines of at most {@value #MAX_LINE} bytes, each
 * side given {@value #IO_TIMEOUT_MS} ms: the client sends {@code SKIFF/1 HOST <label>} or
 * {@code SKIFF/1 URL <ssh-or-sftp-url>}; the instance answers {@code OK} after handing the request
 * to its handler, or {@code ERR <reason>}. A connection closed without a line is ignored (that is
 * how {@link #listen} probes for a live instance).
 *
 * <p>Threads: the listener accepts and serves connections one at a time on one daemon thread,
 * {@code skiff-single-instance}, and calls the handler there; the handler must not block (the app
 * passes the request on with {@code Platform.runLater}). {@link #tryForward} blocks the caller for
 * at most about three times {@value #IO_TIMEOUT_MS} ms (when a stuck client is served first).
 */
public final class SingleInstance implements AutoCloseable {

    static final String VERSION = "SKIFF/1";
    static final int MAX_LINE = 8192;
    /** The reply to a refused request: {@code NO <reason>}. */
    static final String REFUSED = "NO";
    static final long IO_TIMEOUT_MS = 5000;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Consumer<OpenRequest> handler;
    private final Thread thread;

    private SingleInstance(Path socket, ServerSocketChannel server, Consumer<OpenRequest> handler) {
        this.socket = socket;
        this.server = server;
        this.handler = handler;
        this.thread = new Thread(this::acceptLoop, "skiff-single-instance");
        thread.setDaemon(true);
    }

    /**
     * Hands {@code request} to the instance listening at {@code socket}.
     *
     * @return true when a running instance accepted it; false when none is running (no socket,
     *     a stale one, or no valid answer), in which case the caller opens a window itself
     */
    public static boolean tryForward(Path socket, OpenRequest request) {
        return forward(socket, request).status() == Forwarding.Status.ACCEPTED;
    }

    /** What became of a request handed to a running instance. */
    public record Forwarding(Status status, String reason) {
        /** ACCEPTED: the instance opens it; REFUSED: the instance said why not; NO_INSTANCE: none answered. */
        public enum Status { ACCEPTED, REFUSED, NO_INSTANCE }
    }

    /**
     * Hands {@code request} to the instance listening at {@code socket}: accepted, refused with the
     * instance's reason (e.g. no saved host has that label), or no instance (no socket, a stale one,
     * no valid answer), in which case the caller opens a window itself.
     */
    public static Forwarding forward(Path socket, OpenRequest request) {
        Forwarding none = new Forwarding(Forwarding.Status.NO_INSTANCE, "");
        if (!Files.exists(socket)) {
            return none;
        }
        try {
            // never talk to a socket someone else could have planted (a shared temporary directory)
            SocketLocation.checkPrivate(socket.toAbsolutePath().getParent());
        } catch (IOException e) {
            return none;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            LineChannel.writeLine(channel, VERSION + " " + request.encode(), IO_TIMEOUT_MS);
            // the instance serves one client at a time, so allow for one slow client ahead of us
            String reply = LineChannel.readLine(channel, MAX_LINE, 2 * IO_TIMEOUT_MS + 1000);
            if ("OK".equals(reply)) {
                return new Forwarding(Forwarding.Status.ACCEPTED, "");
            }
            if (reply.startsWith(REFUSED + " ")) {
                return new Forwarding(Forwarding.Status.REFUSED, reply.substring(REFUSED.length() + 1));
            }
            return none;
        } catch (IOException | UnsupportedOperationException e) {
            return none;
        }
    }

    /** Thrown by a listener's handler to refuse a request; its message goes back to the launcher. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String reason) {
            super(reason);
        }
    }

    /** {@link #listen(Path, Consumer)} at the current user's {@link SocketLocation#defaultSocket()}. */
    public static Optional<SingleInstance> listen(Consumer<OpenRequest> handler) throws IOException {
        return listen(SocketLocation.defaultSocket(), handler);
    }

    /**
     * Becomes the running instance: listens at {@code socket} and passes every request received to
     * {@code handler} on the listener thread. A socket file nobody listens on (left by a crash) is
     * removed first.
     *
     * @return the listener, to {@link #close()} when the app exits; empty when another instance
     *     already listens there
     * @throws IOException when the socket's directory is not private or the socket cannot be bound
     */
    public static Optional<SingleInstance> listen(Path socket, Consumer<OpenRequest> handler) throws IOException {
        SocketLocation.preparePrivateDirectory(socket);
        if (Files.exists(socket)) {
            if (isAlive(socket)) {
                return Optional.empty();
            }
            Files.deleteIfExists(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        SingleInstance instance = new SingleInstance(socket, server, handler);
        instance.thread.start();
        return Optional.of(instance);
    }

    /** The socket this instance listens on. */
    public Path socket() {
        return socket;
    }

    /** Stops listening and removes the socket file. Idempotent; any thread. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // a stale file is removed by the next instance
        }
        try {
            thread.join(IO_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isAlive(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code text} as one printable line of bounded length (it travels as a reply line). */
    private static String oneLine(String text) {
        String t = text == null ? "refused" : text.replaceAll("\\p{Cntrl}", " ");
        return t.length() > 500 ? t.substring(0, 500) : t;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try (SocketChannel channel = server.accept()) {
                serve(channel);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // one bad client (timeout, garbage, early close) must not stop the listener
            }
        }
    }

    private void serve(SocketChannel channel) throws IOException {
        String line;
        try {
            line = LineChannel.readLine(channel, MAX_LINE, IO_TIMEOUT_MS);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("request line longer")) {
                LineChannel.writeLine(channel, "ERR request too long", IO_TIMEOUT_MS);
            }
            throw e;
        }
        String reply;
        if (!line.startsWith(VERSION + " ")) {
            reply = "ERR unsupported protocol version";
        } else {
            try {
                handler.accept(OpenRequest.decode(line.substring(VERSION.length() + 1)));
                reply = "OK";
            } catch (RefusedException e) {
                reply = REFUSED + " " + oneLine(e.getMessage());
            } catch (IllegalArgumentException e) {
                reply = "ERR bad request";
            } catch (RuntimeException e) {
                reply = "ERR handler failed";
            }
        }
        LineChannel.writeLine(channel, reply, IO_TIMEOUT_MS);
    }
}
