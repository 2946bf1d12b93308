package dev.skiff.ssh.server;

import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.transport.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSH-2 server (RFC 4251-4254): accepts TCP connections, runs the server transport with the
 * configured host keys, user authentication ({@link ServerAuth}) and the connection protocol,
 * each decided by a {@link ServerPolicy} whose defaults deny everything.
 *
 * <p>Threads (DESIGN.md section 4): one daemon accept thread {@code skiff-server-N-accept}; per
 * connection one handler thread {@code skiff-server-N-conn-M} plus the transport's reader
 * thread; per running program a session thread and its pumps; per forward a listener and two
 * pump threads per forwarded connection. All are named daemons. {@link #close()} stops
 * accepting, disconnects every connection and joins the threads (bounded).
 *
 * <pre>{@code
 * try (SshServer server = SshServer.builder().addServerKey(SshKeyGenerator.generate("ssh-ed25519", 0))
 *         .policy(myPolicy).subsystem("sftp", sftpFactory).build()) {
 *     server.listen(new InetSocketAddress("127.0.0.1", 2222));
 *     ...
 * }
 * }</pre>
 */
public final class SshServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshServer.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ServerPolicy DENY_ALL = new ServerPolicy() { };

    private final List<SshKeyPair> hostKeys;
    private final TransportConfig transportConfig;
    private final ServerPolicyFactory policies;
    private final ServerLimits limits;
    private final Map<String, SubsystemFactory> subsystems;
    private final String name = "skiff-server-" + IDS.incrementAndGet();
    private final ServerThreads threads = new ServerThreads(name);
    private final ScheduledExecutorService timer;
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<ServerConnection> preAuth = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile boolean closed;

    private SshServer(Builder b) {
        hostKeys = List.copyOf(b.hostKeys);
        transportConfig = b.transportConfig;
        policies = b.policies;
        limits = b.limits;
        subsystems = Map.copyOf(b.subsystems);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds {@code address} (port 0: any free port, see {@link #boundPort()}) and starts the accept
     * thread. Blocks only to bind.
     */
    public synchronized void listen(InetSocketAddress address) throws IOException {
        if (closed || listener != null) {
            throw new IllegalStateException(closed ? "server closed" : "already listening");
        }
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(address, 128);
        listener = ss;
        threads.start("accept", () -> acceptLoop(ss));
    }

    /** The port we listen on, or -1 before {@link #listen}. */
    public int boundPort() {
        ServerSocket ss = listener;
        return ss == null ? -1 : ss.getLocalPort();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!closed) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{}: accept failed: {}", name, e.toString());
                }
                return;
            }
            serve(s);
        }
    }

    /** Serves one accepted socket on a new handler thread (MaxStartups: refused when too many are unauthenticated). */
    void serve(Socket s) {
        int id = connectionIds.incrementAndGet();
        ServerConnection c;
        try {
            c = new ServerConnection(this, s, "conn-" + id);
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: cannot set up connection: {}", name, e.toString());
            Streams.closeQuietly(s);
            return;
        }
        synchronized (preAuth) {
            if (closed || preAuth.size() >= limits.maxStartups()) {
                LOG.info("{}: dropping connection from {}: {}", name, c.transport().peer(),
                        closed ? "server closed" : "too many unauthenticated connections");
                c.transport().close();
                c.policy().connectionClosed();
                return;
            }
            preAuth.add(c);
            connections.add(c);
        }
        threads.start("conn-" + id, () -> {
            try {
                c.run();
            } finally {
                connections.remove(c);
                preAuth.remove(c);
                c.transport().close();
                c.policy().connectionClosed();
            }
        });
    }

    void leftPreAuth(ServerConnection c) {
        preAuth.remove(c);
    }

    // ------------------------------------------------------------ for connections

    List<SshKeyPair> hostKeys() {
        return hostKeys;
    }

    TransportConfig transportConfig() {
        return transportConfig;
    }

    /** A policy for a new connection from {@code peer} (called on the accept thread). */
    ServerPolicy policyFor(InetSocketAddress peer) {
        return Objects.requireNonNull(policies.forConnection(peer), "policy factory returned null");
    }

    ServerLimits limits() {
        return limits;
    }

    Map<String, SubsystemFactory> subsystems() {
        return subsystems;
    }

    ServerThreads threads() {
        return threads;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Connections open right now (authenticated or not). */
    public int connectionCount() {
        return connections.size();
    }

    /** Threads this server has running right now (accept, handlers, sessions, pumps, forwards). */
    public int threadCount() {
        return threads.liveCount();
    }

    /**
     * Stops accepting, disconnects every connection ("server shutting down") and waits up to 10 s
     * for the server's threads. Idempotent.
     */
    @Override
    public void close() {
        synchronized (preAuth) {
            closed = true;
        }
        Streams.closeQuietly(listener);
        for (ServerConnection c : List.copyOf(connections)) {
            c.close();
        }
        timer.shutdownNow();
        if (!threads.joinAll(Duration.ofSeconds(10))) {
            LOG.warn("{}: some threads did not end within 10 s", name);
        }
    }

    /** Server settings; {@link #build()} needs at least one host key. */
    public static final class Builder {
        private final List<SshKeyPair> hostKeys = new ArrayList<>();
        private TransportConfig transportConfig = TransportConfig.defaults();
        private ServerPolicyFactory policies = peer -> DENY_ALL;
        private ServerLimits limits = ServerLimits.defaults();
        private final Map<String, SubsystemFactory> subsystems = new LinkedHashMap<>();

        /** Adds a host key (ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa; one per type). */
        public Builder addServerKey(SshKeyPair key) {
            Objects.requireNonNull(key, "key");
            for (SshKeyPair k : hostKeys) {
                if (k.publicKey().keyType().equals(key.publicKey().keyType())) {
                    throw new IllegalArgumentException("already have a " + k.publicKey().keyType() + " host key");
                }
            }
            hostKeys.add(key);
            return this;
        }

        public Builder transportConfig(TransportConfig config) {
            transportConfig = Objects.requireNonNull(config);
            return this;
        }

        /** One policy shared by every connection. */
        public Builder policy(ServerPolicy p) {
            Objects.requireNonNull(p);
            policies = peer -> p;
            return this;
        }

        /** A policy per connection, e.g. to remember which key authenticated (see {@link ServerPolicyFactory}). */
        public Builder policyFactory(ServerPolicyFactory f) {
            policies = Objects.requireNonNull(f);
            return this;
        }

        public Builder limits(ServerLimits l) {
            limits = Objects.requireNonNull(l);
            return this;
        }

        /** Registers the program behind {@code subsystem name} requests, e.g. "sftp". */
        public Builder subsystem(String name, SubsystemFactory factory) {
            subsystems.put(Objects.requireNonNull(name), Objects.requireNonNull(factory));
            return this;
        }

        public SshServer build() {
            if (hostKeys.isEmpty()) {
                throw new IllegalStateException("an SSH server needs at least one host key");
            }
            return new SshServer(this);
        }
    }
}
