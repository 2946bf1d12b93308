package dev.skiff.app.connections;

import dev.skiff.ssh.SshConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shares one SSH connection between the tabs opened to the same host (terminal tabs, file browser
 * tabs): each tab holds a {@link Lease}; the first lease opens the connection on a worker, later
 * ones reuse it (new channels, no new login), and the connection is closed when the last lease is
 * released. A connection that failed or has died is replaced by the next {@link #acquire}.
 *
 * <p>Thread-safe; never blocks the caller. Opening runs on the given executor.
 */
public final class ConnectionManager implements AutoCloseable {

    /** Opens and authenticates a connection; called on a worker thread. */
    @FunctionalInterface
    public interface Opener {
        SshConnection open() throws Exception;
    }

    /** Opens a connection with its host's session settings and forwards; called on a worker thread. */
    @FunctionalInterface
    public interface HostOpener {
        HostConnection open() throws Exception;
    }

    private final Executor workers;
    private final Map<String, Entry> entries = new HashMap<>();

    public ConnectionManager(Executor workers) {
        this.workers = workers;
    }

    /**
     * A lease on the connection for {@code key} (e.g. a saved host's id), opening it with
     * {@code opener} unless an open (or opening) one exists. Completes exceptionally with the
     * opener's exception. Cancelling the returned future before it completes gives the lease back.
     */
    public CompletableFuture<Lease> acquire(String key, Opener opener) {
        return acquireHost(key, () -> HostConnection.plain(opener.open()));
    }

    /**
     * Like {@link #acquire}, for a connection that carries its host's settings: {@code opener}
     * runs once per connection (so forwards it starts are started once, however many tabs share
     * it).
     */
    public CompletableFuture<Lease> acquireHost(String key, HostOpener opener) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(key);
            if (entry == null || entry.isDead()) {
                entry = new Entry(key);
                entries.put(key, entry);
                Entry created = entry;
                CompletableFuture.runAsync(() -> created.open(opener), workers);
            }
            entry.refs++;
        }
        Entry e = entry;
        CompletableFuture<Lease> lease = e.connection.thenApply(c -> new Lease(e, c));
        lease.whenComplete((l, err) -> {
            if (err != null) {
                release(e);
            }
        });
        return lease;
    }

    /** The number of connections open or opening (for tests and the status bar). */
    public synchronized int connectionCount() {
        return (int) entries.values().stream().filter(e -> !e.isDead()).count();
    }

    /** The number of leases held on {@code key}'s connection. */
    public synchronized int leases(String key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.refs;
    }

    private void release(Entry e) {
        boolean close;
        synchronized (this) {
            if (e.refs == 0) {
                return;
            }
            e.refs--;
            close = e.refs == 0;
            if (close && entries.get(e.key) == e) {
                entries.remove(e.key);
            }
        }
        if (close) {
            e.connection.thenAccept(h -> h.connection().close());
        }
    }

    /** Closes every connection (at exit). */
    @Override
    public void close() {
        Map<String, Entry> all;
        synchronized (this) {
            all = new HashMap<>(entries);
            entries.clear();
        }
        all.values().forEach(e -> e.connection.thenAccept(h -> h.connection().close()));
    }

    private static final class Entry {
        final String key;
        final CompletableFuture<HostConnection> connection = new CompletableFuture<>();
        final AtomicBoolean warningsTaken = new AtomicBoolean();
        int refs;

        Entry(String key) {
            this.key = key;
        }

        void open(HostOpener opener) {
            try {
                connection.complete(opener.open());
            } catch (Exception | Error e) {
                connection.completeExceptionally(e);
            }
        }

        boolean isDead() {
            if (!connection.isDone()) {
                return false;
            }
            try {
                return !connection.join().connection().isOpen();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return true;
            }
        }
    }

    /** A tab's hold on a shared connection; {@link #close} gives it back (once). */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final HostConnection host;
        private boolean released;

        private Lease(Entry entry, HostConnection host) {
            this.entry = entry;
            this.host = host;
        }

        public SshConnection connection() {
            return host.connection();
        }

        /** The connection with its host's session settings. */
        public HostConnection host() {
            return host;
        }

        /**
         * The connection's {@link HostConnection#warnings()} for the first caller among all the
         * leases on it (the tab that opened it asks first), empty afterwards: shown once.
         */
        public List<String> takeWarnings() {
            return entry.warningsTaken.compareAndSet(false, true) ? host.warnings() : List.of();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(entry);
        }
    }
}
